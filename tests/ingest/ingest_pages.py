"""Arabic strings the ingest tests share: a scraped news page, line by line."""

from __future__ import annotations

DATE_LINE = "27 تموز , 2024"
HEADLINE = "هجوم بطائرة مسيرة على قاعدة عين الأسد غرب العراق"
LEDE = (
    "قصفت طائرة مسيرة قاعدة عين الأسد الجوية في محافظة الأنبار غرب العراق فجر اليوم، "
    "وقال مسؤول أمني إن الهجوم لم يسفر عن إصابات."
)
SECOND = "وأضاف المسؤول أن الدفاعات الجوية تصدت للطائرة قبل وصولها إلى هدفها."
FOLLOW_US_MID = "وقال المتحدث إن سكان المنطقة تابعونا على مواقع التواصل لمعرفة ما جرى بعد الانفجار."
PROMPTS = ("Add to Home screen", "This app can be installed in your home screen")

SCRAPED_LINES = (DATE_LINE, HEADLINE, LEDE, "", SECOND, FOLLOW_US_MID, LEDE, *PROMPTS)
