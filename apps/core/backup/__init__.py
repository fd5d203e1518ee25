"""`cchc backup` and `cchc restore`: one archive holding the database rows and the uploaded files.

archive.py: the file format, and the checks a restore makes before it touches anything;
database.py: the rows, read and written through the schema the migrations made (ADR 0006);
services.py: the two operations the commands call.
"""
