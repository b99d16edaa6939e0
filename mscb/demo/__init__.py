"""Demo content for a fictional board, the Eastmere Safeguarding Children Partnership.

Every place, agency and person here is invented; `loader.load_demo()` writes it.
"""
