"""Train the ``techniques`` analyzer on the PTC (SemEval-2020 Task 11) **train** split only.

``presslens train techniques --data /work/shared/data/ptc-semeval2020-task11 [--output DIR] [--seed N]``

Steps (CPU, one thread, a few minutes once the corpus is encoded):

1. Encode the train articles once with the shared encoder (cached as ``.npz`` under ``--cache``).
2. Hold out ``--holdout`` (15%) of the train articles, chosen with the seed. The held-out part picks the
   epoch, the calibration constants, the span threshold and the classifier's regularisation. PTC dev is
   never read here.
3. Span tagger (torch, mirrors :func:`presslens.analyzers.techniques.tagger_forward`): token head
   (inside a propaganda span?) and sentence head (sentence contains a span?), trained jointly.
4. Technique classifier: multinomial logistic regression on gold TC spans (fit part, ``C`` chosen on the
   held-out part, then refit on all train spans).
5. Write ``techniques.npz`` (float32 arrays) and ``techniques.json`` (vocabulary, thresholds, calibration).
6. Mine the phrase lexicon from all train articles (:func:`mine_lexicon`; settings chosen on the held-out
   articles with a lexicon mined from the fit part, ``presslens eval techniques --held-out-train``) and
   write ``lexicon.json``. ``--lexicon-only`` does just this step and keeps the trained model.

Modules: :mod:`.data`, :mod:`.tagger`, :mod:`.calibration`, :mod:`.classifier`, :mod:`.lexicon`, :mod:`.main`.
"""

from presslens.training.techniques.calibration import best_threshold_f1
from presslens.training.techniques.data import load_train, split_articles
from presslens.training.techniques.lexicon import mine_lexicon
from presslens.training.techniques.main import add_arguments, main

__all__ = ["add_arguments", "best_threshold_f1", "load_train", "main", "mine_lexicon", "split_articles"]
