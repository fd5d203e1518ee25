"""Editing a plan's header: a form opened before someone else saved is refused, nothing overwritten."""

from __future__ import annotations

from django.urls import reverse

from apps.accounts.models import User
from apps.plans.forms import PlanEditForm
from apps.plans.models import Plan
from apps.plans.services import plan_update

CONFLICT = "Kế hoạch vừa được người khác cập nhật. Hãy xem thay đổi của họ và nhập lại nội dung của bạn."


def _form_data(plan: Plan, **changes: object) -> dict[str, object]:
    """What the edit page posts: every field as the page showed it, with the user's changes."""
    form = PlanEditForm(instance=plan)
    data = {field.name: "" if field.value() is None else field.value() for field in form}
    return {**data, **changes}


def test_a_stale_plan_form_is_refused_and_keeps_the_other_edit(client, import_seed):
    plan = import_seed("001")
    client.force_login(User.objects.get(username="daumoi"))
    url = reverse("plans:plan_edit", args=[plan.pk])
    assert f'name="version" value="{plan.version}"' in client.get(url).content.decode()
    stale = _form_data(plan, title="Sửa ở thẻ cũ")
    plan_update(plan=plan, title="Sửa ở thẻ khác")
    response = client.post(url, stale)
    assert response.status_code == 200 and CONFLICT in response.content.decode()
    saved = Plan.objects.get(pk=plan.pk)
    assert (saved.title, saved.version) == ("Sửa ở thẻ khác", plan.version + 1)
    assert client.post(url, _form_data(saved, title="Sửa sau khi tải lại")).status_code == 302
    saved = Plan.objects.get(pk=plan.pk)
    assert (saved.title, saved.version, saved.revision) == ("Sửa sau khi tải lại", plan.version + 2, 1)


def test_the_api_shows_the_edit_version_apart_from_the_document_revision(client, import_seed):
    plan = import_seed("001")
    plan_update(plan=plan, title="Sửa")
    client.force_login(User.objects.get(username="daumoi"))
    body = client.get(f"/api/v1/plans/{plan.pk}").json()
    assert (body["version"], body["revision"]) == (plan.version + 1, 1)
