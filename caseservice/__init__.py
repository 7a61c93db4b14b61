"""Case service: the system of record for complaints filed by the assistant and worked by staff."""
