//! The vectorized part of normalization's hot loop (x86-64, SSE2, which every x86-64 has).
//!
//! Sixteen bytes at a time: a chunk of ASCII and Arabic-block letters whose only folds keep their
//! byte length (أ إ آ → ا, ة → ه, ى → ي) is patched in registers and stored back; any chunk with
//! something else (a diacritic, a digit, a character outside ASCII and U+0600–U+067F) is left
//! to the scalar loop. Each byte is judged with the byte before it, which is its lead byte when
//! it is a UTF-8 continuation byte. `tests/it/properties.rs` checks the result equals the scalar
//! path's on generated text.

#[cfg(target_arch = "x86_64")]
pub fn skip_clean_chunks(buf: &mut [u8], mut i: usize) -> usize {
    use std::arch::x86_64::*;
    // Chunks start on a character boundary after the first byte, so the byte before is there.
    if i == 0 {
        return i;
    }
    while i + 16 <= buf.len() {
        // SAFETY: `i >= 1` and `i + 16 <= buf.len()`, so both 16-byte loads and the store are
        // inside `buf`; SSE2 is part of the x86-64 baseline.
        let advanced = unsafe {
            let cur = _mm_loadu_si128(buf.as_ptr().add(i) as *const __m128i);
            let prev = _mm_loadu_si128(buf.as_ptr().add(i - 1) as *const __m128i);
            let eq = |x: __m128i, b: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8));
            let within = |x: __m128i, lo: u8, hi: u8| {
                _mm_and_si128(
                    _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(lo as i8)), x),
                    _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(hi as i8)), x),
                )
            };
            let after_d8 = eq(prev, 0xD8);
            let after_d9 = eq(prev, 0xD9);
            // Lead bytes other than D8 and D9: characters the scalar loop decodes.
            let other_lead = _mm_andnot_si128(
                _mm_or_si128(eq(cur, 0xD8), eq(cur, 0xD9)),
                within(cur, 0xC0, 0xFF),
            );
            // Marks U+0610–U+061A (D8 90–9A) and the Arabic letter mark (D8 9C); tatweel D9 80,
            // marks and digits D9 8B–A9, separators D9 AB–AC, dagger alef D9 B0, alef wasla
            // D9 B1: deleted or length-changing.
            let d8_general = _mm_and_si128(
                after_d8,
                _mm_or_si128(within(cur, 0x90, 0x9A), eq(cur, 0x9C)),
            );
            let d9_general = _mm_and_si128(
                after_d9,
                _mm_or_si128(
                    _mm_or_si128(eq(cur, 0x80), within(cur, 0x8B, 0xA9)),
                    _mm_or_si128(within(cur, 0xAB, 0xAC), within(cur, 0xB0, 0xB1)),
                ),
            );
            let general = _mm_or_si128(other_lead, _mm_or_si128(d8_general, d9_general));
            if _mm_movemask_epi8(general) != 0 {
                false
            } else {
                // آ أ إ (D8 A2, A3, A5) → ا (D8 A7); ى (D9 89) → ي (D9 8A);
                // ة (D8 A9) → ه (D9 87), whose lead byte changes too.
                let alef = _mm_and_si128(
                    after_d8,
                    _mm_or_si128(_mm_or_si128(eq(cur, 0xA2), eq(cur, 0xA3)), eq(cur, 0xA5)),
                );
                let teh_marbuta = _mm_and_si128(after_d8, eq(cur, 0xA9));
                let maqsura = _mm_and_si128(after_d9, eq(cur, 0x89));
                // Lead of a teh marbuta: the byte before its trail byte (never byte 0's lead,
                // since chunks start on a character boundary).
                let teh_lead = _mm_srli_si128::<1>(teh_marbuta);
                let any = _mm_or_si128(_mm_or_si128(alef, teh_marbuta), maqsura);
                if _mm_movemask_epi8(any) != 0 {
                    let select = |m: __m128i, v: u8, x: __m128i| {
                        _mm_or_si128(
                            _mm_and_si128(m, _mm_set1_epi8(v as i8)),
                            _mm_andnot_si128(m, x),
                        )
                    };
                    let mut out = select(alef, 0xA7, cur);
                    out = select(teh_marbuta, 0x87, out);
                    out = select(teh_lead, 0xD9, out);
                    out = select(maqsura, 0x8A, out);
                    _mm_storeu_si128(buf.as_mut_ptr().add(i) as *mut __m128i, out);
                }
                true
            }
        };
        if !advanced {
            break;
        }
        // End on a character boundary: a chunk whose last byte is a lead byte leaves that
        // character (unchanged so far) to the next chunk.
        i += if buf.get(i + 16).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
            15
        } else {
            16
        };
    }
    i
}

#[cfg(not(target_arch = "x86_64"))]
pub fn skip_clean_chunks(_buf: &mut [u8], i: usize) -> usize {
    i
}
