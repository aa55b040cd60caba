"""Calls to violence and endorsements of violence, told apart from reports of violence.

Each sentence is classified into one of four stances (see ``data/violence/GUIDELINE.md``):

- ``call``: the writer urges or instructs violent acts (attacks, killing, arson, sabotage, ...);
- ``endorsement``: the writer approves, glorifies or justifies violence;
- ``report``: anything else without a call to act (reports, condemnations, quoted calls, metaphors);
- ``nonviolent_call``: the writer urges peaceful action (sign, vote, march peacefully, donate, boycott).

The model has a fifth class, ``other`` (neutral sentences without violence or a call), which counts as
``report``.

Features are the shared sentence embedding (``features.sentence_embeddings``; no second encoder pass)
plus a small vector of lexical cues (imperative at a clause start, "let's / we must", approving words
next to violent acts, violent-act lexicon with figurative idioms such as "stabbed in the back" or "cut
taxes" masked out, attribution, reported opinion ("critics call it", "supporters say", "according to",
not adopted by the writer), past tense, condemnation, peaceful-action words, headline). A multinomial
logistic regression (weights in ``models/violence/``) gives class probabilities.

Decision: a sentence is violent when P(call) + P(endorsement) reaches the tuned threshold and it is in a
violent context: a violent-act or harm cue fired in it, or it has a pronoun ("it", "this", "such") and
the sentence before it (up to two pronoun hops) named a violent act. Outside a violent context a much
higher threshold applies (``threshold_no_cue``; the shipped model uses 1.01, i.e. never): praise of duty,
service, soldiers or patriotism, and political rhetoric ("fight for", "battle over the budget"), are not
endorsements of violence. A violent sentence is a call or an endorsement by the larger of the two.
Otherwise it is a nonviolent call when P(nonviolent_call) >= 0.5 and exceeds P(report) + P(other).

Vetoes (:mod:`.vetoes`, after the model): a call to action is dropped when it is page furniture
(newsletter, poll, form label, "click here", the site's own appeal for money, contact lines; also a line
next to a poll or form line), a question, a short headline, in someone else's voice (a quotation, also a
straight-quoted passage over several lines, a reporting verb, a transcript's speaker label), a discourse
imperative ("keep in mind", "let's talk about", "let's hope", "we must not think") or has no call cue (a
word used as a subject or noun, "Leave had the arguments", "support for X", is no imperative; "let us"
inside a clause is no exhortation; the title line is a headline unless it ends with "!"; the site's contact
and feedback lines are furniture; an exhortation or imperative naming no act, "do the right thing", stays a
candidate at 0.3); a violence finding that is a question (except "why not ...?"), page
furniture or a quotation (also a sentence inside a quotation that spans several sentences) stays a
candidate with its score capped at 0.3.

Call-to-action score (1.7, candidates widened in 1.8; :mod:`.calls`): a candidate is a sentence the model reads as a
non-violent call that no hard veto drops; also (``violence.call_demands``, on by default since 1.8) a calm sentence
with a demand cue (a named party's obligation, "The administration should stop ...", "It is time for X to ...", "it
is crucial that you ...") and (``violence.call_pleas``, on by default) one with a plea cue in the writer's voice (a
plea verb "I encourage all parents ... to", "we beg you to"; a request put as a question "Could the good people of X
... elect someone else?"; a party's obligation in a main clause "investigators should interview everyone"). Its score
is a small logistic regression over general features (the model's probability, imperative, exhortation, "let's",
demand, addressee, conditional imperative, furniture words, standalone line, sign-off, position, length, title case,
"!", quote marks, a named act, plea verb, request question, party obligation and whether it opens the sentence),
fitted on the open real-news splits and audit verdicts (``presslens train violence-calls``; weights in
``models/violence/calls.json``); an exhortation naming no act stays capped at 0.3 unless a plea cue makes it a plea
candidate. Option ``violence.call_voice_checks`` (1.9, off by default: the ship rule saw no open split or audit change)
also drops a quotation closed by a comma and a quote mark before its speaker ("... the questions,' he jabbed."), a
reported pledge ("has pledged to vote down") and "challenge" as a plea verb without "to <verb>". Option
``violence.call_progressive_pleas`` (stop 26, off by default: it moved no open split held out and audit B did not
change) reads a plea verb in the present progressive ("I am calling on Congress to ...") as a plea cue.
Since 1.10 (issue 13, stop 23) the demand cue reads "Time for Congress to end this ..." (no "it is") and not "It's time
that occurred." ("that" as the subject); a negated subject ("no amount of spin should ...", "nobody should") is no
party obligation; "please <verb>" opening a later clause ("In lieu of flowers, please send contributions ...") is a
plea; "we need to be told who ..." is the writer's demand, not a report; the scorer is refit on six open splits.
Since 1.11 (stop 24) a name of several capitalised words before a finite verb is the subject, not an imperative ("Gun
Owners of America has released ..."); an expectation put as an imperative ("Don't expect it to condemn ...", "don't
hold your breath", "don't be surprised if") is a discourse imperative; the scorer is refit on the seven open splits.
Since 1.12 (stop 28) a capitalised violent verb form that the article uses elsewhere as a person's name (after a title,
before a verb of speech, with a possessive, in a byline; :func:`.cues.article_names`) is a name in every sentence of
the article, title-case headlines included ("Lynch Closes The Door on ..."), for the violent-act and imperative cues.

Findings: kind ``violence`` (label ``call_to_violence`` or ``endorsement``) and kind
``call_to_action`` (label ``nonviolent``), each spanning the sentence. Article label
``labels["violence"] = {"label": bool, "score": float}``: label is true when an asserted violence finding
(score >= 0.5) exists; score is the highest violence finding score (0 when none).

Modules: :mod:`.cues` (lexical cues), :mod:`.model` (classifier and decision rule), :mod:`.targets`
(the target of a call), :mod:`.vetoes` (rules after the model), :mod:`.calls` (the call-to-action score),
:mod:`.analyzer`.
"""

from presslens.analyzers.violence.analyzer import ViolenceAnalyzer

__all__ = ["ViolenceAnalyzer"]
