"""Benchmark of the extraction layer: import time in a fresh process and time per letter.

Run from the repository root: ``python bench/extract.py``. Prints medians; goals are under 100 ms to
import ``transparency.extract`` and under 3 ms per 1,500-character letter (after the first call,
which loads lexicons and compiles patterns and is reported separately).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTER_ZH = (
    "关于崇明基地终止运营及贵司权益保障安排的函\n\n上海恒远精密机械有限公司：\n\n"
    "因集团战略聚焦新能源赛道，传统制造业务逐步退出，经我司董事会2024年2月26日决议，崇明基地将于2024年3月31日终止运营。"
    "现将与贵司相关的安排函告如下：\n\n"
    "一、土地款退还。贵司已缴纳但尚未开工地块（崇明工业园区B-07地块）的土地款人民币1,250万元，按照《国有建设用地使用权出让合同》"
    "约定，由开发区平台公司于本函送达之日起30日内全额退还至贵司原付款账户，并补偿3个月的银行同期存款利息。\n\n"
    "二、扶持奖励。贵司已申报的“上海市高新技术企业”扶持奖励，政策不变，由开发区产业服务中心协助跟进申报及拨付，预计于2024年6月30日前到账。\n\n"
    "三、在建项目。贵司在建厂房（二期）由上海崇明产业发展有限公司承接，原施工合同继续履行，移交手续于2024年4月15日前完成。\n\n"
    "四、未履行的合同。双方尚未履行的采购合同，依据《民法典》第563条协商解除，已付货款人民币五十万元于2024年4月30日前退还；"
    "如有争议，依《民法典》第577条处理。\n\n"
    "五、保证金。贵司缴纳的履约保证金人民币壹拾万元整，将于本月底前原路退还。\n\n"
    "六、书面确认。上述安排将以《项目承接协议》形式确认，双方签字盖章后生效，协议中载明权利义务转移条款及争议解决方式。\n\n"
    "贵司对接人：张明经理（开发区产业服务中心），电话 021-5968 1234，手机 138 0013 8000，邮箱 zhangming@cmidz-demo.cn。"
    "如有任何疑问，请随时与张经理联系，也可拨打服务热线400-820-8820（工作日9:00-17:30）。\n\n"
    "停业后3个月、6个月、1年，我们将分别回访，了解贵司转型需求，并邀请贵司参加开发区“新能源产业生态圈”对接会。"
    "我们理解停业给贵司带来的不便，在此深表歉意。感谢贵司多年来对崇明的信任与支持。\n\n"
    "七、常见问题。\n问：已支付的保证金如何退还？答：见第五条，本月底前原路退还，无需另行申请。\n"
    "问：未履行的合同如何处理？答：由我司法务部逐份梳理，于2024年3月15日前与贵司签订解除或变更协议，"
    "因不可抗力以外原因造成的损失，按《民法典》第584条计算赔偿。\n"
    "问：贵司的数据和档案怎么办？答：贵司在我司系统中的项目档案可于2024年3月31日前导出，逾期将于2024年6月30日永久删除。\n"
    "问：今后的对接人是谁？答：张明经理继续作为贵司对接人，原有微信群“崇明招商服务”保留。\n\n"
    "八、后续服务。停业后100天内，开发区招商部门将为贵司提供资源对接、政策咨询及法律咨询服务，"
    "每月15日前发送一份行业动态简报。\n\n"
    "九、资源整合。针对贵司“缺资金、缺市场”的情况，开发区已从产业资源库中匹配两家下游整车企业和一家产业基金，"
    "拟于2024年4月10日举办“新能源汽车零部件对接会”，届时将邀请贵司参加并展示产品。贵司如有意向转型电机铁芯业务，"
    "可联系开发区招商部门王经理，电话 021-5968 2200，我们将协助对接产业链上下游。\n"
    "十、法律说明。本函所述解除及承接安排，均依据《民法典》第509条、第563条及第577条作出，"
    "所有承接方案均以书面形式确认，双方签字盖章，避免后续纠纷。贵司如对本函内容有异议，可于收到本函之日起15日内书面提出，"
    "我司将在5个工作日内答复。再次感谢贵司多年来对崇明开发区的信任与支持，祝贵司事业顺利。\n\n"
    "如需纸质文件，我们将通过顺丰快递寄送至贵司注册地址，并在寄出后通过邮件告知运单号。\n\n"
    "上海申达智造装备有限公司\n客户沟通小组\n2024年2月27日\n"
)

LETTER_EN = (
    "Subject: Ledgerly is shutting down on June 30, 2024 - what happens to your account\n\n"
    "Hi Maria,\n\nI'm writing to let you know that Ledgerly will stop operating on June 30, 2024.\n\n"
    "Why: our Series B round, which we expected to close in January, fell through when the lead investor withdrew. "
    "With our current cash we can keep the servers running for about five more months, but we cannot keep developing "
    "the product responsibly. After 18 months, paying customers (1,140 teams) are still well below the 2,500 we need "
    "to break even.\n\nWhat happens next:\n\n"
    "1. Export. Until June 30, 2024 you can export every invoice, expense and report as CSV or PDF from Settings > "
    "Data > Export. We have also partnered with Bookwise: if you choose to move, their team will import your full "
    "history at no cost.\n"
    "2. Refund. If you pay annually, we will refund the unused months on a pro-rata basis to the card on file by "
    "July 15, 2024. You don't need to request it. No further charges will be made after today.\n"
    "3. Deletion. On August 31, 2024 Ledgerly Inc. will permanently delete all customer data, including backups.\n\n"
    "Your account manager, Daniel Osei, is handling the transition for your team. You can reach him directly at "
    "daniel.osei@ledgerly-demo.io or +1 415 555 0100, Monday to Friday 9:00 am to 5:00 pm PT. General questions can "
    "also go to our help center at https://help.ledgerly-demo.io/shutdown.\n\n"
    "We know this is disruptive, and we are sorry. Thank you for trusting us with your books for the past six years; "
    "it has been a privilege to build Ledgerly for teams like yours.\n\n"
    "Priya Raman\nCEO, Ledgerly Inc.\n"
)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def import_time(runs: int = 7) -> tuple[float, float]:
    """Median wall time of `import transparency.extract` and of `import transparency.models` alone,
    each in a fresh interpreter, measured inside the process (interpreter start-up excluded)."""
    def measure(module: str) -> float:
        code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        return float(out.stdout.strip())
    extract = [measure("transparency.extract") for _ in range(runs)]
    models = [measure("transparency.models") for _ in range(runs)]
    return _median_ms(extract), _median_ms(models)


def per_letter(text: str, language: str, runs: int = 41) -> tuple[float, float, int]:
    """(first call ms, median steady-state ms, evidence count) for extracting one letter."""
    from transparency.extract import extract
    from transparency.models import Document

    doc = Document(text=text, language=language)
    t = time.perf_counter()
    evidence = extract(doc)
    first = (time.perf_counter() - t) * 1000
    samples = []
    for _ in range(runs):
        doc = Document(text=text, language=language)  # a new document: no per-text cache helps
        t = time.perf_counter()
        extract(doc)
        samples.append(time.perf_counter() - t)
    return first, _median_ms(samples), len(evidence)


def main() -> None:
    extract_ms, models_ms = import_time()
    print(f"import transparency.extract: {extract_ms:.1f} ms median "
          f"(of which transparency.models + pydantic: {models_ms:.1f} ms)")
    first, median, n = per_letter(LETTER_ZH, "zh")
    print(f"zh letter, {len(LETTER_ZH)} chars: first call {first:.1f} ms, then {median:.2f} ms median ({n} evidence)")
    _, median, n = per_letter(LETTER_EN, "en")
    print(f"en letter, {len(LETTER_EN)} chars: {median:.2f} ms median ({n} evidence)")
    from transparency.judge.statuses import assess
    from transparency.models import Document
    doc = Document(text=LETTER_ZH)
    from transparency.extract import extract
    ev = extract(doc)
    samples = []
    for _ in range(41):
        t = time.perf_counter()
        assess(doc, ev)
        samples.append(time.perf_counter() - t)
    print(f"statuses (assess) on that letter: {_median_ms(samples):.2f} ms median")


if __name__ == "__main__":
    main()
