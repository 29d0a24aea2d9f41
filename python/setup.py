"""Packs the release `sluice` binary into the package, and tags the wheel for this platform.

The binary comes from the file named by SLUICE_WHEEL_BINARY (scripts/build-wheel sets it), or
from the checkout's
`.build/release/sluice` (`swift build -c release --static-swift-stdlib --product sluice`).
With none of them, the build stops and says so: nothing is fetched from the network.
"""
import os
import shutil
import stat

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = os.path.dirname(os.path.abspath(__file__))


class BuildWithBinary(build_py):
    """Copies the sluice binary into the built package before the usual build."""

    def run(self):
        source = next((path for path in (
            os.environ.get("SLUICE_WHEEL_BINARY"),
            os.path.join(HERE, "..", ".build", "release", "sluice"),
        ) if path and os.path.isfile(path)), None)
        if source is None:
            raise SystemExit(
                "sluice: no sluice binary to pack. Build it first from the repository root:\n"
                "  swift build -c release --static-swift-stdlib --product sluice\n"
                "or run scripts/build-wheel, or set SLUICE_WHEEL_BINARY=/path/to/sluice.")
        super().run()
        target_dir = os.path.join(self.build_lib, "sluice", "bin")
        os.makedirs(target_dir, exist_ok=True)
        target = os.path.join(target_dir, "sluice")
        if os.path.abspath(source) != os.path.abspath(target):
            shutil.copyfile(source, target)
        os.chmod(target, os.stat(target).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70
    from wheel.bdist_wheel import bdist_wheel


class PlatformWheel(bdist_wheel):
    """Tags the wheel py3-none-PLATFORM: any Python 3, this machine's platform."""

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


class BinaryDistribution(Distribution):
    """A platform wheel: the package carries a native executable."""

    def has_ext_modules(self):
        return True


setup(cmdclass={"build_py": BuildWithBinary, "bdist_wheel": PlatformWheel}, distclass=BinaryDistribution)
