"""Load benchmark of the learner pages (never part of the test suite): see README.md."""
