"""The year's sickness-absence forecast (prognose) and its backtest: pure, no Django
(spec/management-information.md, "Forecast (prognose)"; docs/forecast.md)."""

from samraad.forecast.forecasting import Forecast, UnknownUnit, forecast, forecast_units
from samraad.forecast.known import known_on
from samraad.forecast.model import LEVEL, METHOD, Outlook

__all__ = [
    "LEVEL",
    "METHOD",
    "Forecast",
    "Outlook",
    "UnknownUnit",
    "forecast",
    "forecast_units",
    "known_on",
]
