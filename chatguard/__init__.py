"""Limits on the public chat channels: message length, per-sender and per-IP rates, sockets per IP.

`chatguard.limits` is pure Python (tested from the app venv); `chatguard.channels` holds the
thin subclasses of Rasa's REST and socket.io channels that apply it inside the Rasa server and
is imported only there (bot/credentials.yml names it).
"""
