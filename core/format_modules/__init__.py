"""Django format modules (FORMAT_MODULE_PATH): the site's date formats win over the en-gb locale's."""
