"""The Rasa action server: forms, filing with an outbox, and plain-English replies."""
