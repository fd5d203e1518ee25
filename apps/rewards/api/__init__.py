"""JSON endpoints of emulation and rewards: ``movements`` and ``awards`` routers under one tag."""

from ninja import Router

from .movements import router as movements_router

router = Router(tags=["Thi đua, khen thưởng"])
router.add_router("", movements_router)
