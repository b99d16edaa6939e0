// The idle-session warning (issue 18); filled in next.
