"""Locust file for bench/quiz-storm.sh: every simulated learner, already signed in with their own
session, starts the same timed quiz once and saves one answer, then waits out the run.

Reads from the environment: STORM_COOKIES (one `name=value` session cookie per line, from
learners.py), STORM_LESSON_ID, STORM_START_PATH and STORM_SAVE_PATH (server function paths),
and the host given to locust (the Origin of every request).
"""

import itertools
import json
import os
import threading

from locust import FastHttpUser, constant, events, task

with open(os.environ["STORM_COOKIES"], encoding="utf-8") as f:
    COOKIES = [line.strip() for line in f if line.strip()]
LESSON_ID = os.environ["STORM_LESSON_ID"]
START_PATH = os.environ["STORM_START_PATH"]
SAVE_PATH = os.environ["STORM_SAVE_PATH"]
_next = itertools.count()
_lock = threading.Lock()


def first_answer(question: dict):
    """A response to `question` (an AttemptQuestion's `question`) of the right shape."""
    kind = question["kind"]
    choices = len(question.get("choices") or [])
    return {
        "single_choice": {"type": "single_choice", "value": 0},
        "multiple_choice": {"type": "multiple_choice", "value": [0]},
        "true_false": {"type": "true_false", "value": True},
        "short_text": {"type": "short_text", "value": "overfitting"},
        "numeric": {"type": "numeric", "value": "1"},
        "ordering": {"type": "ordering", "value": list(range(choices))},
        "matching": {"type": "matching", "value": [0 for _ in question.get("prompts") or []]},
        "fill_blanks": {
            "type": "fill_blanks",
            "value": ["x" for _ in range(max(len(question.get("blank_parts") or []) - 1, 0))],
        },
    }[kind]


class Learner(FastHttpUser):
    # One start and one save each, then nothing for the rest of the run.
    wait_time = constant(3600)

    def on_start(self):
        with _lock:
            index = next(_next)
        if index >= len(COOKIES):
            raise RuntimeError("more users than learners in STORM_COOKIES")
        self.headers = {
            "Cookie": COOKIES[index],
            "Origin": self.host,
            "Accept": "application/json",
            "X-Forwarded-For": f"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}",
        }

    @task
    def start_and_answer(self):
        with self.client.post(
            START_PATH,
            data=f"lesson_id={LESSON_ID}",
            headers={**self.headers, "Content-Type": "application/x-www-form-urlencoded"},
            name="start_attempt",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return
            attempt = response.json()
            if not attempt.get("deadline"):
                response.failure("the quiz is not timed")
                return
        question = attempt["questions"][0]
        body = {
            "attempt_id": attempt["id"],
            "position": question["position"],
            "response": first_answer(question["question"]),
        }
        with self.client.post(
            SAVE_PATH,
            data=json.dumps(body),
            headers={**self.headers, "Content-Type": "application/json"},
            name="save_answer",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")


@events.quitting.add_listener
def _fail_on_errors(environment, **_kwargs):
    if environment.stats.total.num_failures > 0:
        environment.process_exit_code = 1
