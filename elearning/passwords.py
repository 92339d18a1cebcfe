"""How passwords are stored: Argon2id with OWASP's parameters (19 MiB of memory, two
passes, one lane).

A class signs in within minutes on the morning of an exam, on a server with a few cores.
Django's default, PBKDF2-SHA256 with 1,000,000 iterations, costs about 220 ms of CPU per
sign-in on such a server; this Argon2id costs about 45 ms, and its memory cost makes a
stolen database as slow to attack on graphics cards as the iterations do (OWASP's Password
Storage Cheat Sheet recommends Argon2id first, with at least these parameters). Django's
own `Argon2PasswordHasher` asks for 100 MiB and eight lanes per sign-in: about 300 ms here.

A password stored by another hasher in `PASSWORD_HASHERS` (PBKDF2 before this one) still
signs in, and is stored again with this one at that sign-in; a hash of this one with other
parameters is updated the same way (`must_update`).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    """Argon2id, OWASP's minimum: m=19 MiB, t=2, p=1 (hashes keep the 'argon2' prefix)."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
