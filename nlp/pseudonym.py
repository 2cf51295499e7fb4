from kg.pseudonym import *  # noqa: F401,F403  (transitional: the service lives in kg.pseudonym)
from kg.pseudonym import KEY_ENV, KEY_FILE_ENV, MAX_SHIFT_DAYS, Pseudonymizer, load_key  # noqa: F401
