"""Rule-engine backends behind one interface: which rule codes fired on which facts."""
