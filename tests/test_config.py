"""Config: one declared schema; a bad file is an error that names the key."""

from __future__ import annotations

import pytest

from kiosk.config import SETTINGS, TIMER_LIMIT_MS, Config, ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "kiosk.toml"
    path.write_text(text)
    return path


def test_no_file_means_defaults():
    config = load_config(None)
    assert config["idle.timeout_seconds"] == 90 and config["language.default"] == "en"


def test_file_overrides_defaults(tmp_path):
    config = load_config(
        write(tmp_path, '[language]\ndefault = "es"\n[idle]\ntimeout_seconds = 120\n')
    )
    assert config["language.default"] == "es" and config["idle.timeout_seconds"] == 120
    assert config["idle.warning_seconds"] == 30


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[idle]\ntimout_seconds = 5\n",
            "unknown setting 'idle.timout_seconds' (did you mean 'idle.timeout_seconds'?)",
        ),
        (
            '[idle]\ntimeout_seconds = "soon"\n',
            "setting 'idle.timeout_seconds' must be a whole number, not 'soon'",
        ),
        ("[idle]\ntimeout_seconds = true\n", "must be a whole number"),
        ("[idle]\nwarning_seconds = 5\n", "setting 'idle.warning_seconds' must be at least 20"),
        (
            '[language]\ndefault = "fr"\n',
            "setting 'language.default' must be one of 'en', 'es', not 'fr'",
        ),
        ("[display]\ntext_size = 120\n", "must be one of 100, 130, 160, 200"),
        # past what a Qt timer holds (2**31 - 1 ms): these crashed `kiosk run` or silently
        # stopped the heartbeat; now each is refused at load
        ("[idle]\ntimeout_seconds = 2147484\n", "'idle.timeout_seconds' must be at most 3600"),
        ("[idle]\nwarning_seconds = 2147484\n", "'idle.warning_seconds' must be at most 600"),
        ("[status]\ninterval_minutes = 35792\n", "'status.interval_minutes' must be at most 1440"),
        ("[sync]\ninterval_minutes = 35792\n", "'sync.interval_minutes' must be at most 1440"),
        ("[attract]\nslide_seconds = 2147484\n", "'attract.slide_seconds' must be at most 600"),
        ("not toml at all", "not valid TOML"),
    ],
)
def test_bad_files_name_file_and_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)


@pytest.mark.parametrize("key", ["callbacks", "status"])
@pytest.mark.parametrize(
    ("secret", "words"),
    [
        ("hunter2-plain-text", "must start with 'whsec_'"),
        ("whsec_aHVudGVyMg==", "is too short: 7 bytes"),
        ("whsec_not base64 at all", "is not valid base64"),
    ],
)
def test_a_secret_not_in_the_standard_form_is_refused_without_repeating_it(
    tmp_path, key, secret, words
):
    path = write(tmp_path, f'[{key}]\nsecret = "{secret}"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert f"setting '{key}.secret' {words}" in str(caught.value)
    assert secret not in str(caught.value) and secret[6:] not in str(caught.value)
    good = "whsec_" + "A" * 32  # 24 bytes
    assert load_config(write(tmp_path, f'[{key}]\nsecret = "{good}"\n'))[f"{key}.secret"] == good


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "absent.toml")


def test_every_setting_has_help_and_a_valid_default():
    for setting in SETTINGS:
        assert setting.help.endswith(".") and setting.check(setting.default) == setting.default


def test_replace_checks_values():
    assert Config().replace(idle__timeout_seconds=5)["idle.timeout_seconds"] == 5
    with pytest.raises(ConfigError):
        Config().replace(idle__warning_seconds=1)


def test_every_number_has_a_range_that_the_program_can_use():
    for setting in SETTINGS:
        if setting.type is not int or setting.choices:
            continue
        assert setting.minimum is not None and setting.maximum is not None, setting.name
        unit_ms = {"seconds": 1000, "minutes": 60_000}.get(setting.name.rsplit("_", 1)[-1])
        if unit_ms:  # a timer's interval: it must fit a Qt timer (a C int of milliseconds)
            assert setting.maximum * unit_ms <= TIMER_LIMIT_MS, setting.name
    idle = [s.maximum for s in SETTINGS if s.name.startswith("idle.")]
    assert sum(idle) * 1000 <= TIMER_LIMIT_MS  # the idle notice and reset, end to end


def test_the_commands_stop_with_exit_2_on_a_bad_secret(tmp_path, capsys):
    from kiosk.cli import main

    path = write(tmp_path, '[callbacks]\nsecret = "hunter2-plain-text"\n')
    for command in (["status"], ["outbox", "status"]):
        with pytest.raises(SystemExit) as caught:
            main([*command, "--data-dir", str(tmp_path), "--config", str(path)])
        assert caught.value.code == 2
        err = capsys.readouterr().err
        assert "'callbacks.secret' must start with 'whsec_'" in err and "hunter2" not in err


def test_a_clinic_colour_too_light_for_white_words_is_refused_at_load_with_a_darker_one(
    tmp_path,
):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, '[clinic]\naccent = "#3a7bd5"\n'))
    message = str(caught.value)
    assert "setting 'clinic.accent' is #3a7bd5" in message and "below the 7:1" in message
    suggested = message.split("for example ")[1][:7]
    assert load_config(write(tmp_path, f'[clinic]\naccent = "{suggested}"\n'))["clinic.accent"]
    with pytest.raises(ConfigError, match="#rrggbb"):
        load_config(write(tmp_path, '[clinic]\naccent = "navy"\n'))


def test_a_clinic_logo_must_be_a_safe_svg_named_by_an_absolute_path(tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect/></svg>')
    assert load_config(write(tmp_path, f'[clinic]\nlogo = "{logo}"\n'))["clinic.logo"] == str(logo)
    with pytest.raises(ConfigError, match="absolute path"):
        load_config(write(tmp_path, '[clinic]\nlogo = "logo.svg"\n'))
    bad = tmp_path / "bad.svg"
    bad.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'
    )
    with pytest.raises(ConfigError, match="not an SVG the kiosk can show"):
        load_config(write(tmp_path, f'[clinic]\nlogo = "{bad}"\n'))
    with pytest.raises(ConfigError, match="cannot be read"):
        load_config(write(tmp_path, f'[clinic]\nlogo = "{tmp_path / "none.svg"}"\n'))
