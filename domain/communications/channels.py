"""The channels of a communication plan (seed 002, mục IV "Hình thức tuyên truyền") and their Vietnamese names."""

from __future__ import annotations

from domain.vntext import fold

INTERNAL = "internal"
WEBSITE = "website"
ZALO_OA = "zalo_oa"
FANPAGE = "fanpage"
PRESS = "press"
QR_POSTER = "qr_poster"

CHANNEL_LABELS: dict[str, str] = {
    INTERNAL: "Truyền thông nội bộ",
    WEBSITE: "Trang thông tin điện tử",
    ZALO_OA: "Zalo OA",
    FANPAGE: "Fanpage",
    PRESS: "Báo chí, phát thanh, truyền hình",
    QR_POSTER: "Cổ động trực quan, mã QR",
}
CHANNELS: tuple[str, ...] = tuple(CHANNEL_LABELS)
# Channels whose articles live at an address on the web: a link is required there.
ONLINE = frozenset({WEBSITE, ZALO_OA, FANPAGE})


def channel_from_text(text: str) -> str | None:
    """The channel a person names in a spreadsheet or a plan sentence ("website Sở", "Zalo", "Báo Đắk Lắk")."""
    folded = fold(text)
    if not folded:
        return None
    for code, label in CHANNEL_LABELS.items():
        if folded in (code.replace("_", " "), fold(label)):
            return code
    rules = (
        (ZALO_OA, ("zalo",)),
        (FANPAGE, ("fanpage", "facebook", "mang xa hoi")),
        (WEBSITE, ("website", "trang thong tin", "cong thong tin", "trang web")),
        (PRESS, ("bao", "dai phat thanh", "truyen hinh", "phat thanh")),
        (QR_POSTER, ("qr", "ap phich", "pano", "truc quan", "to gap")),
        (INTERNAL, ("noi bo", "giao ban", "hoi nghi")),
    )
    for code, words in rules:
        if any(word in folded for word in words):
            return code
    return None
