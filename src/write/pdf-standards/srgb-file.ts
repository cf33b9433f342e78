/**
 * The sRGB profile of Debian's `icc-profiles-free` (zlib licence; installed
 * by scripts/setup.sh). `REDOVISNING_SRGB_ICC` names another file. Kept apart
 * from the output intent so that a build's closing lines need no pdf-lib.
 */
const SRGB_PROFILE = '/usr/share/color/icc/sRGB.icc';

/** The file the sRGB profile is read from. */
export function srgbProfileFile(): string {
  return process.env['REDOVISNING_SRGB_ICC'] || SRGB_PROFILE;
}
