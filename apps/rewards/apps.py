from django.apps import AppConfig


class RewardsConfig(AppConfig):
    name = "apps.rewards"
    label = "rewards"
    verbose_name = "Thi đua, khen thưởng"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(
            models.Movement,
            models.MovementContent,
            models.Participant,
            models.ContestTable,
            models.ContestScore,
            models.Registration,
            models.Initiative,
            models.AnnualRating,
            models.Council,
            models.CouncilMember,
            models.Nomination,
            models.NominationDocument,
            models.CouncilSession,
            models.Vote,
            models.RewardDecision,
            models.Award,
            models.BaseSalary,
            models.ProvinceRewardRules,
        )
