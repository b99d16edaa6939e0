"""Reads for the business plan's pages and papers, one module per page or subject.

- report: the committee report; rounds: where a round stands; history: an action's change history;
  deleted: what was hidden and by whom.
"""
