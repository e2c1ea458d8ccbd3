"""The prompt and reply templates of Plan Assistant, shipped as package data.

The files beside this one are read through ``importlib.resources`` (``assistant.config``
points ``PLANBOT_PROMPTS_DIR`` here by default), so an installed wheel has them as a
source checkout does. This marker holds no code.
"""
