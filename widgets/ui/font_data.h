// font_data.h — Inter, subset at build time by tools/embed.py (generated font_data.cpp).
#pragma once
extern const unsigned char kInterRegular[];
extern const unsigned int kInterRegularSize;
extern const unsigned char kInterSemiBold[];
extern const unsigned int kInterSemiBoldSize;
extern const unsigned short kGlyphRanges[];  // the code points the subset keeps, ImGui range format
