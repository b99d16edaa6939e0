"""What may be done with mscb's own records, as permission lists; ROLE_GRANTS in mscb/apps.py hands them out.

Signed-in readers (the chair, board members, councillors) read the yearly report's draft and publications
and the feedback from children and families; only board managers write them, set the public pages' words,
and set and apply the retention periods.
"""

YEARLY_VIEW = ["mscb.view_yearlyreport", "mscb.view_publishedyearlyreport", "mscb.view_familyfeedback"]
YEARLY_MANAGE = [
    "mscb.add_yearlyreport",
    "mscb.change_yearlyreport",
    "mscb.change_yearlynarrative",
    "mscb.add_publishedyearlyreport",
    "mscb.change_publishedyearlyreport",
    "mscb.add_familyfeedback",
    "mscb.change_familyfeedback",
    "mscb.delete_familyfeedback",
]
PUBLIC_MANAGE = ["mscb.change_publicprofile"]
RETENTION_MANAGE = ["mscb.view_retentionpolicy", "mscb.change_retentionpolicy", "mscb.view_retentionremoval"]
