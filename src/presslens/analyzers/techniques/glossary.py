"""Plain-language glossary of the 14 persuasion techniques reported by the ``techniques`` analyzer.

Keys are the technique IDs of SemEval-2020 Task 11 (the finding labels). Each entry has a readable
``name``, a short ``definition`` and an ``example`` sentence written for presslens (war and politics
news style; the example is invented and names no real person).
"""

from __future__ import annotations

TECHNIQUES: dict[str, dict[str, str]] = {
    "Appeal_to_Authority": {
        "name": "Appeal to authority",
        "definition": (
            "A claim is presented as true mainly because an expert, official or famous person said it, "
            "not because evidence is shown."
        ),
        "example": "A retired general told the broadcaster that the offensive is already won, so the debate is over.",
    },
    "Appeal_to_fear-prejudice": {
        "name": "Appeal to fear or prejudice",
        "definition": (
            "Support for an idea is built by making the audience afraid of an alternative or by playing on "
            "prejudice against a group."
        ),
        "example": "If the ceasefire is signed, enemy fighters will be walking through our towns by spring.",
    },
    "Bandwagon,Reductio_ad_hitlerum": {
        "name": "Bandwagon / guilt by association",
        "definition": (
            "Urging people to agree because 'everyone' already does, or rejecting an idea because a hated "
            "group or figure supports it."
        ),
        "example": "Every serious country has already joined the sanctions; only the stubborn are still waiting.",
    },
    "Black-and-White_Fallacy": {
        "name": "Black-and-white fallacy",
        "definition": "Only two options are presented as possible when more exist.",
        "example": "Either we send the tanks this week or we hand the whole region to the invaders.",
    },
    "Causal_Oversimplification": {
        "name": "Causal oversimplification",
        "definition": "A complex event is blamed on a single cause, ignoring the others.",
        "example": "The border war started for one reason only: the opposition's weakness in parliament.",
    },
    "Doubt": {
        "name": "Doubt",
        "definition": "Questioning the credibility of a person or institution without giving evidence.",
        "example": "Can we really trust a monitoring mission that has never once blamed the rebels?",
    },
    "Exaggeration,Minimisation": {
        "name": "Exaggeration or minimisation",
        "definition": "Making something look much bigger, better or worse than it is, or downplaying it.",
        "example": "The shelling of the market was just a minor incident that the media blew out of proportion.",
    },
    "Flag-Waving": {
        "name": "Flag-waving",
        "definition": "Justifying an action by appealing to patriotism or group identity instead of reasons.",
        "example": "Any true patriot will support the new draft law without asking questions.",
    },
    "Loaded_Language": {
        "name": "Loaded language",
        "definition": "Words or phrases with strong emotional charge used to sway the reader.",
        "example": "The regime unleashed a barbaric, bloodthirsty assault on peaceful villages.",
    },
    "Name_Calling,Labeling": {
        "name": "Name calling / labelling",
        "definition": "Attaching a label to a person or group that the audience fears, hates or mocks.",
        "example": "The so-called peace activists are nothing but puppets of a foreign capital.",
    },
    "Repetition": {
        "name": "Repetition",
        "definition": "Repeating the same message or phrase over and over so that the audience accepts it.",
        "example": "They lied about the weapons, they lied about the convoy, and they are lying again today.",
    },
    "Slogans": {
        "name": "Slogan",
        "definition": "A short, catchy phrase used as a rallying cry, often with labelling or stereotyping.",
        "example": "Not one step back!",
    },
    "Thought-terminating_Cliches": {
        "name": "Thought-terminating cliché",
        "definition": "A stock phrase that discourages further thinking or discussion.",
        "example": "War is war, and that is simply how things are.",
    },
    "Whataboutism,Straw_Men,Red_Herring": {
        "name": "Whataboutism / straw man / red herring",
        "definition": (
            "Deflecting criticism by pointing to someone else's wrongs, misrepresenting an opponent's "
            "position, or changing the subject."
        ),
        "example": "Critics of the air strikes should first explain why they stayed silent about the last war.",
    },
}


def technique_name(label: str) -> str:
    """Readable name of a technique ID (the ID itself if unknown)."""
    entry = TECHNIQUES.get(label)
    return entry["name"] if entry else label
