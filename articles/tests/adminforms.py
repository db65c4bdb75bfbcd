"""Helpers for tests that drive the admin through Django's test client."""

import datetime as dt
from decimal import Decimal


def change_form_data(response):
    """The POST data a browser sends back for the admin change form in `response`, as it was shown."""
    context = response.context
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif value is False or value is None:
                continue
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            elif isinstance(value, dt.date | Decimal | int):
                data[key] = str(value)
            else:
                data[key] = value
    return data


def inline_prefix(response, model):
    """The form prefix of the inline formset for `model` ("appearances", ...)."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise LookupError(model)


def inline_index(response, obj):
    """The index of `obj`'s form in its inline formset."""
    for inline in response.context["inline_admin_formsets"]:
        for index, form in enumerate(inline.formset.forms):
            if form.instance.pk == obj.pk and type(form.instance) is type(obj):
                return index
    raise LookupError(obj)
