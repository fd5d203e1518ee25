"""JSON endpoints of emulation and rewards: one router per sub-concept under one tag."""

from ninja import Router

from .decisions import router as decisions_router
from .movements import router as movements_router
from .nominations import router as nominations_router

router = Router(tags=["Thi đua, khen thưởng"])
router.add_router("", movements_router)
router.add_router("", nominations_router)
router.add_router("", decisions_router)
