"""Moodle's question formats, both ways: GIFT and Moodle XML into a question bank, and a
bank's questions out to either.

- ``markup``: Moodle's text formats (HTML, Moodle's auto-format, plain text, Markdown) as the
  plain text our questions hold;
- ``questions``: a question as both formats carry it (Moodle's kinds, answers and
  fractions), how it becomes one of ours or is skipped and why, and how ours goes back;
- ``gift`` and ``xml``: reading and writing each format, with the line of every question,
  error and skipped question (XML through defusedxml);
- ``importing``: a file read for a preview (nothing saved), then imported into a bank in one
  transaction; ``exporting``: which questions a quiz or a category exports, and the file.
"""
