"""The forms of case reviews and CDOP, one module a resource; the services in reviews.services save them."""
