"""Clinical trials near the clinic: the list an admin fetches, and how it reads to patients.

`model` is the list as the content folder carries it (`trials.json`: checked, signed and
published with the cards), so the loader can check it; `studies` asks ClinicalTrials.gov for
it (what `kiosk trials fetch` runs). Neither imports Qt.
"""

# The blood cancers a clinic may choose (trials.conditions), as ClinicalTrials.gov names them.
# Here rather than in `model`, so that the config, read at every start, need not load it.
CANCERS = ("leukemia", "lymphoma", "myeloma")
