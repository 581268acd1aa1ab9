"""A varied cast for previews and tests: every skin tone, ages 8 to 81, all headwear, clothing and builds."""

from __future__ import annotations

from trainer.model.scenario import Appearance, Vehicle
from trainer.model.vocabulary import Demeanour


def _a(**kw: object) -> Appearance:
    return Appearance.model_validate(kw)


PEOPLE: list[tuple[Appearance, Demeanour]] = [
    (
        _a(
            skin_tone=2,
            age=47,
            build="stevig",
            height=188,
            hair="kaal",
            headwear="politiepet",
            clothing="uniform",
        ),
        Demeanour.KALM,
    ),
    (
        _a(
            skin_tone=5,
            age=31,
            height=170,
            hair="vlechtjes",
            hair_color="zwart",
            headwear="politiepet",
            clothing="uniform",
        ),
        Demeanour.VRIENDELIJK,
    ),
    (
        _a(
            skin_tone=4,
            age=22,
            build="slank",
            height=181,
            hair="kort",
            hair_color="zwart",
            clothing="casual",
            clothing_color="zwart",
        ),
        Demeanour.NERVEUS,
    ),
    (
        _a(
            skin_tone=5,
            age=20,
            height=176,
            hair="krullen",
            hair_color="zwart",
            headwear="capuchon",
            clothing="sportief",
            clothing_color="grijs",
            accessories=["telefoon"],
        ),
        Demeanour.ONVERSCHILLIG,
    ),
    (
        _a(
            skin_tone=1,
            age=59,
            height=165,
            hair="kort",
            hair_color="grijs",
            clothing="winterjas",
            clothing_color="groen",
            accessories=["bril", "tas"],
        ),
        Demeanour.GEIRRITEERD,
    ),
    (
        _a(
            skin_tone=4,
            age=28,
            height=164,
            hair="lang",
            hair_color="zwart",
            headwear="hoofddoek",
            clothing="net",
            clothing_color="blauw",
            accessories=["tas"],
        ),
        Demeanour.VRIENDELIJK,
    ),
    (
        _a(
            skin_tone=3,
            age=34,
            build="slank",
            height=168,
            hair="lang",
            hair_color="rood",
            headwear="pet",
            clothing="werkkleding",
            clothing_color="geel",
            accessories=["telefoon"],
        ),
        Demeanour.BOOS,
    ),
    (
        _a(
            skin_tone=3,
            age=78,
            height=170,
            hair="grijs",
            hair_color="wit",
            headwear="muts",
            clothing="winterjas",
            clothing_color="bruin",
            accessories=["hond"],
        ),
        Demeanour.KALM,
    ),
    (
        _a(
            skin_tone=6,
            age=16,
            height=172,
            hair="vlechtjes",
            hair_color="zwart",
            clothing="sportief",
            clothing_color="rood",
            accessories=["koptelefoon", "rugzak"],
        ),
        Demeanour.BANG,
    ),
    (
        _a(
            skin_tone=6,
            age=8,
            height=128,
            hair="krullen",
            hair_color="zwart",
            clothing="casual",
            clothing_color="geel",
            accessories=["rugzak"],
        ),
        Demeanour.VRIENDELIJK,
    ),
    (
        _a(
            skin_tone=2,
            age=38,
            height=178,
            hair="lang",
            hair_color="blond",
            clothing="casual",
            clothing_color="paars",
            accessories=["fiets"],
        ),
        Demeanour.KALM,
    ),
    (
        _a(
            skin_tone=5,
            age=66,
            build="stevig",
            height=174,
            hair="kort",
            hair_color="zwart",
            clothing="net",
            clothing_color="bruin",
            accessories=["bril"],
        ),
        Demeanour.BANG,
    ),
    (
        _a(
            skin_tone=1,
            age=25,
            build="stevig",
            height=192,
            hair="kort",
            hair_color="rood",
            clothing="werkkleding",
            clothing_color="blauw",
        ),
        Demeanour.GEIRRITEERD,
    ),
    (
        _a(
            skin_tone=3,
            age=44,
            height=160,
            hair="lang",
            hair_color="bruin",
            headwear="hoofddoek",
            clothing="winterjas",
            clothing_color="zwart",
            accessories=["rugzak"],
        ),
        Demeanour.NERVEUS,
    ),
    (
        _a(
            skin_tone=4,
            age=81,
            build="slank",
            height=162,
            hair="grijs",
            hair_color="grijs",
            clothing="net",
            clothing_color="grijs",
            accessories=["bril"],
        ),
        Demeanour.ONVERSCHILLIG,
    ),
    (
        _a(
            skin_tone=2,
            age=13,
            height=158,
            hair="krullen",
            hair_color="blond",
            headwear="muts",
            clothing="sportief",
            clothing_color="blauw",
            accessories=["koptelefoon", "telefoon"],
        ),
        Demeanour.ONVERSCHILLIG,
    ),
    (
        _a(
            skin_tone=5,
            age=34,
            height=168,
            hair="lang",
            hair_color="zwart",
            headwear="niqab",
            clothing="net",
            clothing_color="zwart",
            accessories=["telefoon", "tas"],
        ),
        Demeanour.KALM,
    ),
    (
        _a(
            skin_tone=1,
            age=27,
            build="slank",
            height=188,
            hair="kort",
            hair_color="bruin",
            headwear="capuchon",
            clothing="sportief",
            clothing_color="zwart",
            accessories=["col_omhoog", "rugzak"],
        ),
        Demeanour.NERVEUS,
    ),
]

VEHICLES: list[tuple[Vehicle, list[int]]] = [  # with indexes into PEOPLE for the occupants
    (Vehicle(kind="auto", color="zilver", damage=["achterlicht"]), [2, 10]),
    (Vehicle(kind="oude_auto", color="groen", damage=["deuk"]), [3]),
    (Vehicle(kind="bestelbus", color="wit", damage=["koplamp"]), [12, 6]),
    (Vehicle(kind="auto", color="zwart"), [4]),
    (Vehicle(kind="fiets", color="zwart", damage=["geen_licht"]), [2]),
    (Vehicle(kind="fiets", color="blauw"), [9]),
    (Vehicle(kind="scooter", color="rood"), [5]),
    (Vehicle(kind="scooter", color="blauw", damage=["achterlicht", "deuk"]), [15]),
]
