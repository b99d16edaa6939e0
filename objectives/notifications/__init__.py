"""E-mail notifications: the kinds and who gets each (kinds), the e-mails (messages), the events the workflow
calls (events), people's choices (preferences), the sending task (sending) and the daily digest (digest)."""
