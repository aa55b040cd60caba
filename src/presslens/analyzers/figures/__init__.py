"""Figures: every number expression in an article, with its value, unit, bound and oddities.

One finding of kind ``"quantity"`` per number expression. The span covers the bound words, the number
and its unit or counted noun phrase ("over 260,000 Russian men", "up to 1,000,000", "$5bn",
"tens of thousands of subscribers"); ``attributes["number"]`` is the sub-span of the number itself.

Labels (see :data:`~.vocabulary.LABELS`):

- ``count``    -- a number of things or people ("200,000 men", "three tanks", "tens of thousands of ...");
- ``percent``  -- "40%", "40 per cent", "forty percent", "3 percentage points";
- ``money``    -- "$5bn", "€300 million", "5 billion roubles", "300,000 euros";
- ``range``    -- "200,000-300,000", "between 5 and 10", "from 10 to 20" (``low``/``high`` set; the unit or
  currency of the range is kept in ``unit``/``currency``);
- ``age``      -- "30-year-old", "aged 34", "Anton, 34,";
- ``duration`` -- "three weeks", "a 10-day ceasefire", "18 months";
- ``date``     -- "2022" (in "in 2022"), "September 21", "21 September 2022", "the 1990s";
- ``measure``  -- physical quantities with a unit of measure: "20 km", "155mm", "3,000 tonnes";
- ``ordinal``  -- digit ordinals outside dates: "the 155th brigade". Word ordinals ("first", "second") are
  not reported (too common as ordinary words).

Bounds: ``lower`` ("over", "more than", "at least", "above", "upwards of", "in excess of", "no fewer than",
"260,000+", "or more"); ``upper`` ("up to", "fewer than", "less than", "at most", "under", "below",
"no more than", "as many as", and also "nearly", "almost", "close to", "just under": the true value lies
below the stated one); ``approx`` ("about", "around", "roughly", "some", "approximately", "an estimated",
"estimated", "circa", "~", "or so"); otherwise null.

Vague amounts ("tens of thousands", "hundreds of", "dozens of", "several hundred") have ``vague`` true,
``value`` null and order-of-magnitude ``low``/``high`` ("tens of thousands": 10,000-99,999).

Malformed digit groupings ("300,00", "1,0000") have ``malformed`` true and ``likely_values`` the readings a
typo most plausibly hides: the digits without separators and the groups repaired to three digits
(300,00 -> [30000, 300000]; 1,0000 -> [1000, 10000]); ``value`` is null.

Clock times ("10:30", "6am") and identifiers ("Su-34", "MH17", "Article 5") are not quantities. Pure rules
(regular expressions); no trained model is needed.

Modules, in dependency order: :mod:`.vocabulary`, :mod:`.atoms`, :mod:`.specials`, :mod:`.quantity`,
:mod:`.analyzer`.
"""

from presslens.analyzers.figures.analyzer import FiguresAnalyzer
from presslens.analyzers.figures.atoms import likely_values_for, parse_digits, parse_number_words
from presslens.analyzers.figures.quantity import Quantity, extract_quantities
from presslens.analyzers.figures.vocabulary import LABELS

__all__ = [
    "LABELS",
    "FiguresAnalyzer",
    "Quantity",
    "extract_quantities",
    "likely_values_for",
    "parse_digits",
    "parse_number_words",
]
