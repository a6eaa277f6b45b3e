"""Shared fixtures for rasd's tests."""
