"""Counselor Desk: an offline-first desk for career-center counselors."""

__version__ = "0.1.0"
APP_NAME = "Counselor Desk"
APP_ID = "counselor-desk"
