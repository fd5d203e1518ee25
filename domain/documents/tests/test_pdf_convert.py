"""PDF through LibreOffice headless: a profile per conversion, a clear message where it is missing."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from domain.documents.pdf_convert import PdfUnavailable, docx_to_pdf, soffice_path
from domain.documents.report_docx import report_to_docx
from domain.documents.tests.reports import REPORT

needs_soffice = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice không được cài trên máy này")


def test_without_libreoffice_the_message_says_how_to_install_it(monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", "/khong/co/soffice")
    with pytest.raises(PdfUnavailable, match="apt-get install libreoffice-writer-nogui"):
        docx_to_pdf(b"PK")


@needs_soffice
def test_two_conversions_at_once_do_not_collide():
    data = report_to_docx(REPORT)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(docx_to_pdf, [data, data]))
    for pdf in results:
        assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
