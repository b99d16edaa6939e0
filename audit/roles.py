"""What may be done with the security log, as a permission list; mscb gives it to board managers.

Reading is the only permission anyone gets: rows are written by the site itself and removed only by
`purge_security_log`, so no role is ever given add, change or delete.
"""

VIEW = ["audit.view_securityevent"]
