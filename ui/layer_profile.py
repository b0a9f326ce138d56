"""The profile a diagnosed wijk was scored with, as far as it is at hand.

'Score transitions' stores the profile's name, file (``profiel_pad``, empty for the
shipped default) and a hash of its content (``profiel_hash``) with the scores. The dock
needs the profile only for what is not a number: which indicators it weighs, for which
transitions, by which method. ``layer_profile`` loads it from that file and checks the
hash; when the file is gone, unreadable or changed, the default profile stands in and a
notice says so. The numbers always come from the layer. No QGIS here.
"""

from pathlib import Path
from typing import Any, Mapping, NamedTuple, Optional

from ..scoring.errors import WijkdiagnoseError
from ..scoring.messages import Message, tr
from ..scoring.profile import Profile, load_profile
from ..scoring.provenance import profile_hash
from ..scoring.schema.diagnosis import PROFIEL, PROFIEL_HASH, PROFIEL_PAD


class LayerProfile(NamedTuple):
    profile: Profile  # the profile of the layer, or the default standing in for it
    notice: Optional[Message]  # why the default stands in; None when the layer's is used


def _stand_in() -> Message:
    return Message(
        tr(
            "The scores and urgencies shown come from the layer; the indicator list, their "
            "transitions and methods from the default profile. Run 'Score transitions' again "
            "to fix this."
        )
    )


def layer_profile(attributes: Mapping[str, Any], default: Profile) -> LayerProfile:
    """The profile a wijk (its attributes, NULL as None) was scored with.

    A layer scored before the profile hash was stored gets ``default`` without a notice:
    its missing urgencies are noticed by ``wijk_view``.
    """
    stored = attributes.get(PROFIEL_HASH)
    if not stored:
        return LayerProfile(default, None)
    path = str(attributes.get(PROFIEL_PAD) or "")
    name = str(attributes.get(PROFIEL) or "?")
    if path and not Path(path).is_file():
        return LayerProfile(
            default,
            Message(
                tr(
                    "Profile '{name}' that this layer was scored with is not at hand: no file "
                    "'{path}'. {consequence}"
                ),
                name=name,
                path=path,
                consequence=_stand_in(),
            ),
        )
    try:
        profile = load_profile(path or None)
    except WijkdiagnoseError as error:  # a file that cannot be read is one too
        return LayerProfile(
            default,
            Message(
                tr("Profile '{name}' ('{path}') cannot be read: {reason} {consequence}"),
                name=name,
                path=path,
                reason=error.message,
                consequence=_stand_in(),
            ),
        )
    if profile_hash(profile) == str(stored):
        return LayerProfile(profile, None)
    if not path:
        notice = Message(
            tr(
                "This layer was scored with the shipped default profile ('{name}'), which has "
                "changed since (another Wijkdiagnose version). {consequence}"
            ),
            name=name,
            consequence=_stand_in(),
        )
    else:
        notice = Message(
            tr(
                "Profile '{name}' ('{path}') has changed since this layer was scored. {consequence}"
            ),
            name=name,
            path=path,
            consequence=_stand_in(),
        )
    return LayerProfile(default, notice)
