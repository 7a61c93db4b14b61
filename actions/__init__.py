"""The Rasa action server: forms, filing with an outbox, and plain-English replies.

rasa_sdk (`--actions actions`) imports this package and every module in it, and registers
each Action and FormValidationAction subclass it finds. The modules with actions are imported
here too, so importing the package alone registers every action (README: the module map)."""

from . import asks, complaint_form, feedback_form, filing, replies, session

__all__ = ["asks", "complaint_form", "feedback_form", "filing", "replies", "session"]
