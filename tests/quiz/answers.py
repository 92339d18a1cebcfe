"""Picking answers in tests, from what an attempt froze."""


def right(response):
    return [choice["id"] for choice in response.choices if choice["correct"]]


def wrong(response):
    return [choice["id"] for choice in response.choices if not choice["correct"]][:1]
