"""Exports for the systems training programmes already run: Moodle question banks (GIFT and
Moodle XML), KoboToolbox / ODK forms (XLSForm) and SCORM 1.2 packages. Each exporter is a pure
function from the model to bytes, reproducible like the PDFs."""
