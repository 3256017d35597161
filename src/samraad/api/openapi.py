"""The OpenAPI 3.1 document of the read API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

FIGURES = {
    "type": "object",
    "description": (
        "A unit's figures for one period (spec/statistics.md; the fields of "
        "`samraad stats --json`). For a reader without person-level access, a unit "
        "the disclosure policy hides (docs/privacy.md) has `suppressed: true` and no "
        "figures; such a reader asks for whole months up to the last complete one."
    ),
    "properties": {
        "unit": {"type": "string"},
        "name": {"type": "string"},
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
        "structure": {"enum": ["historic", "current"]},
        "causes": {"type": "array", "items": {"type": "string"}},
        "working_days": {"type": "integer"},
        "planned_hours": {"type": "number"},
        "absence_hours": {"type": "number"},
        "absence_rate": {"type": ["number", "null"]},
        "fte": {"type": "number"},
        "absence_days_per_fte": {"type": "number"},
        "headcount": {"type": "integer"},
        "spells": {"type": "integer"},
        "by_length": {
            "type": "object",
            "description": "per spell-length group (calendar days), e.g. 1-3, 4-14, 15-30, 31+",
            "additionalProperties": {
                "type": "object",
                "description": (
                    "for a reader without person-level access, a group the disclosure "
                    "policy hides is `{suppressed: true}`"
                ),
                "properties": {
                    "spells": {"type": "integer"},
                    "absence_hours": {"type": "number"},
                    "suppressed": {"type": "boolean"},
                },
            },
        },
        "frequency_rate": {
            "type": ["number", "null"],
            "description": "spells per 100 full-time equivalents",
        },
        "individual_frequency_rate": {
            "type": ["number", "null"],
            "description": "percent of the headcount with a spell ended in the period",
        },
        "average_spell_length": {
            "type": ["number", "null"],
            "description": "calendar days per spell",
        },
        "suppressed": {"type": "boolean"},
        "outlook": {"$ref": "#/components/schemas/Outlook"},
        "compared": {"$ref": "#/components/schemas/Compared"},
    },
    "required": ["unit", "from", "to", "structure", "suppressed"],
}
NUMBER_OR_NULL = {"type": ["number", "null"]}
OUTLOOK = {
    "type": "object",
    "description": (
        "The unit's calendar year so far against its target (docs/management-information.md): "
        "whatever period was asked, the year of today for person-level readers and of the "
        "last complete month for everyone else. `target` is the unit's own or its nearest "
        "ancestor's (`target_set_for`); `forecast` is `samraad forecast`'s for the whole "
        "year, made on the year so far's last day, in the structure asked; `on_track`: the "
        "forecast is at most the target. A reader without person-level access gets the "
        "year so far, the forecast and `on_track` only where the unit's own figures for "
        "the year so far are shown (`suppressed`)."
    ),
    "properties": {
        "year": {"type": "integer"},
        "target": NUMBER_OR_NULL,
        "target_set_for": {"type": ["string", "null"]},
        "year_to_date": {
            "type": ["object", "null"],
            "properties": {
                "from": {"type": "string", "format": "date"},
                "to": {"type": "string", "format": "date"},
                "absence_days_per_fte": {"type": "number"},
                "absence_rate": NUMBER_OR_NULL,
            },
        },
        "forecast": {
            "type": ["object", "null"],
            "properties": {
                "absence_days_per_fte": {"type": "number"},
                "absence_rate": NUMBER_OR_NULL,
                "low": {"type": "number"},
                "high": {"type": "number"},
                "level": {"type": "number"},
            },
        },
        "on_track": {"type": ["boolean", "null"]},
        "suppressed": {"type": "boolean"},
    },
    "required": ["year", "target", "forecast", "on_track", "suppressed"],
}
ERROR = {
    "type": "object",
    "properties": {"error": {"type": "string"}},
    "required": ["error"],
}
PERIOD_PARAMETERS = [
    {
        "name": "from",
        "in": "query",
        "schema": {"type": "string", "format": "date"},
        "description": "first day (default: a year before `to`)",
    },
    {
        "name": "to",
        "in": "query",
        "schema": {"type": "string", "format": "date"},
        "description": "last day, inclusive (default: today)",
    },
    {"name": "structure", "in": "query", "schema": {"enum": ["historic", "current"]}},
    {
        "name": "as_of",
        "in": "query",
        "schema": {"type": "string", "format": "date"},
        "description": "current structure: the tree of this day (default: `to`)",
    },
    {
        "name": "kind",
        "in": "query",
        "schema": {"enum": ["month", "quarter", "year", "rolling"]},
        "description": (
            "instead of from/to, a period of the unit page's picker: with `period`, or "
            "alone for the newest of the kind the reader may see"
        ),
    },
    {
        "name": "period",
        "in": "query",
        "schema": {"type": "string"},
        "description": (
            "the period of `kind`: 2026-05 (month), 2026-Q2 (quarter), 2025 (year), "
            "2026-05-31 (rolling: the 12 months to this day); a committee member gets whole "
            "months up to the last complete one only"
        ),
    },
]
COMPARE_PARAMETER = {
    "name": "compare",
    "in": "query",
    "schema": {"enum": ["parent", "municipality"]},
    "description": (
        "the unit's figures beside its parent's or the municipality's, and the differences; "
        "403 unless the reader sees that unit with the same access"
    ),
}
COMPARED = {
    **FIGURES,
    "description": (
        "the compared unit's figures (hidden as the unit's own are), and the unit's minus "
        "the compared unit's: percentage points of absence rate and days per FTE (null "
        "where either unit is hidden)"
    ),
    "properties": {
        **FIGURES["properties"],  # type: ignore[dict-item]
        "absence_rate_points": NUMBER_OR_NULL,
        "absence_days_per_fte_difference": NUMBER_OR_NULL,
    },
}
LONGEST = {
    "type": "object",
    "properties": {
        "unit": {"type": "string"},
        "as_of": {"type": "string", "format": "date"},
        "min_days": {"type": "integer"},
        "longest": {
            "type": "array",
            "items": {
                "type": "object",
                "description": "the fields of `samraad longest --json`",
                "properties": {
                    "employee_id": {"type": "string"},
                    "unit": {"type": "string"},
                    "spell_start": {"type": "string", "format": "date"},
                    "days": {"type": "integer"},
                    "degree": {"type": "number"},
                    "last_conversation": {
                        "type": ["object", "null"],
                        "properties": {
                            "held_on": {"type": "string", "format": "date"},
                            "kind": {"type": "string"},
                        },
                    },
                    "next_due": {
                        "type": ["object", "null"],
                        "properties": {
                            "rule_id": {"type": "string"},
                            "due_by": {"type": "string", "format": "date"},
                        },
                    },
                },
            },
        },
    },
}
UNIT = {"name": "unit_id", "in": "path", "required": True, "schema": {"type": "string"}}


def _responses(schema: dict[str, Any]) -> dict[str, Any]:
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
        "400": {"description": "a parameter is wrong", **error},
        "401": {"description": "not signed in, or the token is unknown or expired", **error},
        "403": {
            "description": "outside your scope, person-level data for your role, or a "
            "request other than GET that failed the CSRF check",
            **error,
        },
        "404": {"description": "no such unit", **error},
        "405": {"description": "a method other than GET", **error},
        "413": {"description": "a request body over the upload limit", **error},
        "500": {"description": "the server failed; its log has the details", **error},
    }


def document(base_url: str) -> dict[str, Any]:
    figures = {"$ref": "#/components/schemas/UnitFigures"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Samråd read API",
            "version": "1",
            "description": (
                "Absence statistics and follow-up, with the web app's permissions: a "
                "manager sees their units, an HR partner their administrations, central "
                "HR everything, a committee member aggregates of the committee's scope "
                "(cells under 5 employees suppressed). Person-level endpoints are for "
                "managers and HR only, and every call to them is recorded in the audit log."
            ),
        },
        "servers": [{"url": base_url.rstrip("/") + "/api"}],
        "security": [{"bearer": []}, {"session": []}],
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "a token from /accounts/token/",
                },
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            },
            "schemas": {
                "UnitFigures": FIGURES,
                "Compared": COMPARED,
                "Outlook": OUTLOOK,
                "Error": ERROR,
            },
        },
        "paths": {
            "/v1/units/{unit_id}/statistics": {
                "get": {
                    "summary": "A unit's figures for a period and structure",
                    "parameters": [UNIT, *PERIOD_PARAMETERS, COMPARE_PARAMETER],
                    "responses": _responses(figures),
                }
            },
            "/v1/units/{unit_id}/sub-units": {
                "get": {
                    "summary": "The figures of the units directly below a unit",
                    "parameters": [UNIT, *PERIOD_PARAMETERS],
                    "responses": _responses(
                        {
                            "type": "object",
                            "properties": {
                                "unit": {"type": "string"},
                                "sub_units": {"type": "array", "items": figures},
                            },
                        }
                    ),
                }
            },
            "/v1/units/{unit_id}/employees": {
                "get": {
                    "summary": "A unit's employees with sick days and spells, last 12 months "
                    "(person-level roles only; audited)",
                    "parameters": [UNIT],
                    "responses": _responses(
                        {
                            "type": "object",
                            "properties": {
                                "unit": {"type": "string"},
                                "from": {"type": "string", "format": "date"},
                                "to": {"type": "string", "format": "date"},
                                "employees": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "employee_id": {"type": "string"},
                                            "name": {"type": "string"},
                                            "unit": {"type": "string"},
                                            "job_group": {"type": "string"},
                                            "weekly_hours": {"type": "number"},
                                            "sick_days": {"type": "integer"},
                                            "spells": {"type": "integer"},
                                            "open_alerts": {"type": "integer"},
                                            "overdue_alerts": {"type": "integer"},
                                        },
                                    },
                                },
                            },
                        }
                    ),
                }
            },
            "/v1/units/{unit_id}/longest": {
                "get": {
                    "summary": "The longest own-sickness spells going on today below a unit, "
                    "with the last conversation and the next statutory step "
                    "(docs/management-information.md; person-level roles only; audited)",
                    "parameters": [
                        UNIT,
                        {
                            "name": "top",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1},
                            "description": "at most this many (default: all)",
                        },
                        {
                            "name": "min_days",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1},
                            "description": "calendar days so far, at least (default 29)",
                        },
                    ],
                    "responses": _responses(LONGEST),
                }
            },
            "/v1/alerts": {
                "get": {
                    "summary": "Alerts in your scope (person-level roles only; audited)",
                    "parameters": [
                        {
                            "name": "status",
                            "in": "query",
                            "schema": {"enum": ["open", "overdue", "closed", "lapsed"]},
                        }
                    ],
                    "responses": _responses(
                        {
                            "type": "object",
                            "properties": {
                                "alerts": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "id": {"type": "integer"},
                                            "employee_id": {"type": "string"},
                                            "unit": {"type": "string"},
                                            "rule_id": {"type": "string"},
                                            "title": {"type": "string"},
                                            "raised_on": {"type": "string", "format": "date"},
                                            "due_by": {"type": "string", "format": "date"},
                                            "reason": {"type": "string"},
                                            "status": {
                                                "enum": ["open", "overdue", "closed", "lapsed"]
                                            },
                                            "closed_on": {
                                                "type": ["string", "null"],
                                                "format": "date",
                                            },
                                            "lapsed_on": {
                                                "type": ["string", "null"],
                                                "format": "date",
                                            },
                                        },
                                    },
                                }
                            },
                        }
                    ),
                }
            },
        },
    }
