// UI strings in Arabic (default) and English, and labels for ACLED/rasd values.
// Only interface text lives here; article text is never translated or parsed.

const STRINGS = {
  ar: {
    app_name: "رصد", nav_map: "الخريطة", nav_search: "بحث", offline: "غير متصل",
    login: "دخول", logout: "خروج", f_from: "من", f_to: "إلى", f_country: "البلد",
    f_type: "النوع", f_actor: "الفاعل", f_claim: "التبنّي", f_text: "نص", apply: "تطبيق",
    reset: "مسح", export_csv: "تصدير CSV", timeline: "الأحداث يوميًا",
    clear_range: "إلغاء التحديد", events: "الأحداث", prev: "السابق", next: "التالي",
    search_placeholder: "ابحث في المقالات", user_name: "الاسم", password: "كلمة المرور",
    cancel: "إلغاء", all: "الكل", count: "{n} حدث", showing: "{a}–{b} من {n}",
    no_events: "لا أحداث تطابق هذه المرشحات.", no_results: "لا نتائج.",
    event: "حدث", article: "مقال", fields: "الحقول", reporting: "المقالات التي نقلته",
    evidence_legend: "الأدلة المظللة في النص", open_article: "افتح المقال",
    open_event: "افتح الحدث", events_in_article: "الأحداث في هذا المقال",
    back: "رجوع", not_found: "غير موجود", error: "خطأ", login_failed: "الاسم أو كلمة المرور غير صحيحة",
    review: "المراجعة", confirm: "تأكيد", reject: "رفض", reopen: "إعادة فتح", save: "حفظ التصحيح",
    correct: "تصحيح", history: "سجل المراجعات", reviewed_by: "راجعه {by} في {at}",
    advanced: "حقول أخرى (JSON)", saved: "حُفظ", machine_value: "قيمة الآلة: {v}",
    editor_only: "التعديل للمحررين فقط.", none: "—", days: "{n} يومًا",
    status_confirmed: "مؤكَّد", status_corrected: "مصحَّح", status_rejected: "مرفوض",
    published: "النشر", source: "المصدر", language: "اللغة", score: "الصلة",
    map_points: "{n} على الخريطة",
    merge: "دمج", merge_with: "دمج مع الحدث (المعرّف)", split: "فصل المقالات المحددة كحدث آخر",
    other_event: "تنقل حدثًا آخر", split_none: "حدّد مقالة واحدة على الأقل", reported: "روايات أخرى",
    split_done: "فُصل كحدث جديد: {id}", merged_into: "دُمج في {id}",
    // field names
    event_id: "المعرّف", event_date: "التاريخ", date_start: "بداية النافذة", date_end: "نهاية النافذة",
    time_precision: "دقة الزمن", event_type: "نوع الحدث", sub_event_type: "النوع الفرعي",
    plover_type: "نوع PLOVER", actor1: "الفاعل", claim_status: "التبنّي",
    suspected_actor1: "الفاعل المشتبه به", actor2: "المستهدَف", targets: "الأهداف", weapons: "الأسلحة",
    location: "المكان", fatalities: "القتلى", injuries: "الجرحى", damage: "الأضرار",
    confidence: "الثقة", article_ids: "المقالات", evidence: "الأدلة", coordinates: "الإحداثيات",
    geo_precision: "دقة المكان", admin1: "المحافظة/الإقليم", country: "البلد",
  },
  en: {
    app_name: "rasd", nav_map: "Map", nav_search: "Search", offline: "Offline",
    login: "Sign in", logout: "Sign out", f_from: "From", f_to: "To", f_country: "Country",
    f_type: "Type", f_actor: "Actor", f_claim: "Claim", f_text: "Text", apply: "Apply",
    reset: "Clear", export_csv: "Export CSV", timeline: "Events per day",
    clear_range: "Clear selection", events: "Events", prev: "Previous", next: "Next",
    search_placeholder: "Search articles", user_name: "Name", password: "Password",
    cancel: "Cancel", all: "All", count: "{n} events", showing: "{a}–{b} of {n}",
    no_events: "No events match these filters.", no_results: "No results.",
    event: "Event", article: "Article", fields: "Fields", reporting: "Reporting articles",
    evidence_legend: "Evidence highlighted in the text", open_article: "Open article",
    open_event: "Open event", events_in_article: "Events in this article",
    back: "Back", not_found: "Not found", error: "Error", login_failed: "Wrong name or password",
    review: "Review", confirm: "Confirm", reject: "Reject", reopen: "Reopen", save: "Save correction",
    correct: "Correct", history: "Review history", reviewed_by: "Reviewed by {by} at {at}",
    advanced: "Other fields (JSON)", saved: "Saved", machine_value: "machine value: {v}",
    editor_only: "Only editors can change events.", none: "—", days: "{n} days",
    status_confirmed: "Confirmed", status_corrected: "Corrected", status_rejected: "Rejected",
    published: "Published", source: "Source", language: "Language", score: "Score",
    map_points: "{n} on the map",
    merge: "Merge", merge_with: "Merge with event (id)", split: "Split the ticked articles off as another event",
    other_event: "reports another event", split_none: "Tick at least one article", reported: "Other reports",
    split_done: "Split off as new event: {id}", merged_into: "Merged into {id}",
    event_id: "ID", event_date: "Date", date_start: "Window start", date_end: "Window end",
    time_precision: "Time precision", event_type: "Event type", sub_event_type: "Sub-event type",
    plover_type: "PLOVER type", actor1: "Actor", claim_status: "Claim status",
    suspected_actor1: "Suspected actor", actor2: "Target actor", targets: "Targets", weapons: "Weapons",
    location: "Location", fatalities: "Fatalities", injuries: "Injuries", damage: "Damage",
    confidence: "Confidence", article_ids: "Articles", evidence: "Evidence", coordinates: "Coordinates",
    geo_precision: "Geo precision", admin1: "Admin 1", country: "Country",
  },
};

// value labels (Arabic); English shows the value itself
const VALUES_AR = {
  "Battles": "معارك", "Explosions/Remote violence": "انفجارات/عنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية",
  "Air/drone strike": "غارة جوية/بطائرة مسيّرة",
  "Shelling/artillery/missile attack": "قصف مدفعي/صاروخي",
  "Remote explosive/landmine/IED": "عبوة ناسفة/لغم", "Suicide bomb": "تفجير انتحاري",
  "Grenade": "قنبلة يدوية", "Chemical weapon": "سلاح كيميائي", "Armed clash": "اشتباك مسلح",
  "Attack": "هجوم", "Abduction/forced disappearance": "اختطاف/إخفاء قسري",
  "Disrupted weapons use": "إحباط هجوم", "Arrests": "اعتقالات", "Other": "أخرى",
  "Government regains territory": "استعادة الحكومة أرضًا",
  "Non-state actor overtakes territory": "سيطرة جماعة مسلحة على أرض",
  "Peaceful protest": "احتجاج سلمي", "Violent demonstration": "مظاهرة عنيفة",
  "Protest with intervention": "احتجاج مع تدخل", "Excessive force against protesters": "قوة مفرطة ضد المحتجين",
  "Mob violence": "عنف غوغائي", "Sexual violence": "عنف جنسي", "Looting/property destruction": "نهب/تدمير ممتلكات",
  "Headquarters or base established": "إقامة مقر أو قاعدة", "Agreement": "اتفاق", "Change to group/activity": "تغيّر في الجماعة/النشاط",
  "claimed": "متبنّى", "unclaimed": "لم يتبنّه أحد", "denied": "منفي", "attributed": "منسوب",
  "unknown": "غير معروف",
  "air_base": "قاعدة جوية", "military_base": "قاعدة عسكرية", "oil_field": "حقل نفط",
  "gas_field": "حقل غاز", "airport": "مطار", "convoy": "رتل", "embassy": "سفارة",
  "air_defense": "دفاع جوي", "radar": "رادار", "vehicle": "آلية", "building": "مبنى",
  "checkpoint": "حاجز", "ship": "سفينة", "infrastructure": "بنية تحتية", "people": "أشخاص",
  "other": "أخرى", "drone": "طائرة مسيّرة", "rocket": "صاروخ", "missile": "صاروخ موجّه",
  "ballistic_missile": "صاروخ باليستي", "cruise_missile": "صاروخ كروز", "mortar": "هاون",
  "artillery": "مدفعية", "aircraft": "طائرة حربية", "ied": "عبوة ناسفة", "vbied": "سيارة مفخخة",
  "suicide_bomb": "حزام ناسف", "small_arms": "أسلحة خفيفة", "grenade": "قنبلة يدوية",
  "anti_tank": "مضاد للدروع",
  "IQ": "العراق", "SY": "سوريا", "JO": "الأردن", "LB": "لبنان", "YE": "اليمن", "IL": "إسرائيل",
  "PS": "فلسطين", "IR": "إيران", "SA": "السعودية", "TR": "تركيا", "EG": "مصر", "AE": "الإمارات",
  "KW": "الكويت", "BH": "البحرين", "QA": "قطر", "OM": "عُمان", "US": "الولايات المتحدة",
  "ar": "العربية", "en": "الإنجليزية",
};

export const CLAIMS = ["claimed", "unclaimed", "denied", "attributed", "unknown"];
export const SUB_TYPES = [
  "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
  "Suicide bomb", "Grenade", "Armed clash", "Attack", "Abduction/forced disappearance",
  "Disrupted weapons use", "Arrests", "Other",
];
export const EVENT_TYPES = [
  "Explosions/Remote violence", "Battles", "Violence against civilians", "Protests", "Riots",
  "Strategic developments",
];

let lang = localStorage.getItem("rasd.lang") === "en" ? "en" : "ar";

export function getLang() { return lang; }

export function t(key, vars = {}) {
  const s = STRINGS[lang][key] ?? STRINGS.ar[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

// label of a data value (type, claim, target kind, country code)
export function label(value) {
  if (value === null || value === undefined || value === "") return t("none");
  return lang === "ar" ? (VALUES_AR[value] ?? String(value)) : String(value);
}

// the name of an actor/place in the current language
export function nameOf(obj) {
  if (!obj) return t("none");
  return (lang === "ar" ? obj.name_ar || obj.name : obj.name || obj.name_ar) || t("none");
}

export function applyStatic(root = document) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  const toggle = document.getElementById("lang");
  if (toggle) {
    toggle.textContent = lang === "ar" ? "English" : "العربية";
    toggle.lang = lang === "ar" ? "en" : "ar";
  }
}

export function setLang(next) {
  lang = next === "en" ? "en" : "ar";
  localStorage.setItem("rasd.lang", lang);
  applyStatic();
}
