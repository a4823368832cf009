"""Catalog of courses, collections and certificates, and the explainable recommendations built on it.

Qt-free and network-free: the desktop app, the CLI and the reference server all use it the same way::

    from counselor_app.core.catalog import load_default_catalog, recommend, RecommendationRequest
"""

from __future__ import annotations

from counselor_app.core.catalog.loader import (
    CatalogError,
    CatalogHolder,
    default_catalog_path,
    load_catalog,
    load_default_catalog,
    parse_catalog,
    schema_path,
)
from counselor_app.core.catalog.model import (
    Catalog,
    Certificate,
    Collection,
    Course,
    Figure,
    Occupation,
    Transition,
    Wage,
    language_name,
)
from counselor_app.core.catalog.plan import (
    LearningPlan,
    Milestone,
    PlanError,
    PlanItem,
    build_learning_plan,
    milestone_label,
)
from counselor_app.core.catalog.recommend import (
    BARRIERS,
    EDUCATION_LEVELS,
    Recommendation,
    RecommendationInputError,
    RecommendationRequest,
    RecommendationResult,
    ShorterPath,
    recommend,
)

__all__ = [
    "BARRIERS", "EDUCATION_LEVELS", "Catalog", "CatalogError", "CatalogHolder", "Certificate", "Collection",
    "Course", "Figure", "LearningPlan", "Milestone", "Occupation", "PlanError", "PlanItem", "Recommendation",
    "RecommendationInputError", "RecommendationRequest", "RecommendationResult", "ShorterPath", "Transition",
    "Wage", "build_learning_plan", "default_catalog_path", "language_name", "load_catalog",
    "load_default_catalog", "milestone_label", "parse_catalog", "recommend", "schema_path",
]
