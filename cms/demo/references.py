"""The sources behind the demo articles, as the references block stores them.

Pure data. Titles are the sources' own, in full; DOIs and PubMed IDs were checked against
PubMed, addresses against the publishers' own pages. A source is listed only where its
publisher and address are certain.
"""

SPRAVATO_PI = {
    "title": "Spravato (esketamine) nasal spray: full prescribing information, including the boxed warning, and medication guide",
    "publisher": "Janssen Pharmaceuticals",
    "year": 2025,
    "url": "https://www.janssenlabels.com/package-insert/product-monograph/prescribing-information/SPRAVATO-pi.pdf",
    "doi": "",
    "pmid": "",
}

FDA_2019 = {
    "title": "FDA approves new nasal spray medication for treatment-resistant depression; available only at a certified doctor's office or clinic (news release, 5 March 2019)",
    "publisher": "US Food and Drug Administration",
    "year": 2019,
    "url": "https://www.fda.gov/news-events/press-announcements/fda-approves-new-nasal-spray-medication-treatment-resistant-depression-available-only-certified",
    "doi": "",
    "pmid": "",
}

MONOTHERAPY_2025 = {
    "title": "SPRAVATO (esketamine) approved in the U.S. as the first and only monotherapy for adults with treatment-resistant depression (press release, January 2025)",
    "publisher": "Johnson & Johnson",
    "year": 2025,
    "url": "https://www.jnj.com/media-center/press-releases/spravato-esketamine-approved-in-the-u-s-as-the-first-and-only-monotherapy-for-adults-with-treatment-resistant-depression",
    "doi": "",
    "pmid": "",
}

EMA_EPAR = {
    "title": "Spravato (esketamine): European public assessment report (EPAR), with the product information",
    "publisher": "European Medicines Agency",
    "year": 2019,
    "url": "https://www.ema.europa.eu/en/medicines/human/EPAR/spravato",
    "doi": "",
    "pmid": "",
}

FDA_2023 = {
    "title": "FDA warns patients and health care providers about potential risks associated with compounded ketamine products, including oral formulations, for the treatment of psychiatric disorders (10 October 2023)",
    "publisher": "US Food and Drug Administration",
    "year": 2023,
    "url": "https://www.fda.gov/drugs/human-drug-compounding/fda-warns-patients-and-health-care-providers-about-potential-risks-associated-compounded-ketamine",
    "doi": "",
    "pmid": "",
}

NICE_TA854 = {
    "title": "Esketamine nasal spray for treatment-resistant depression. Technology appraisal guidance TA854",
    "publisher": "National Institute for Health and Care Excellence (NICE)",
    "year": 2022,
    "url": "https://www.nice.org.uk/guidance/ta854",
    "doi": "",
    "pmid": "",
}

NICE_NG222 = {
    "title": "Depression in adults: treatment and management. NICE guideline NG222",
    "publisher": "National Institute for Health and Care Excellence (NICE)",
    "year": 2022,
    "url": "https://www.nice.org.uk/guidance/ng222",
    "doi": "",
    "pmid": "",
}

SUSTAIN_1 = {
    "title": (
        "Daly EJ, Trivedi MH, Janik A, et al. Efficacy of esketamine nasal spray plus oral antidepressant treatment "
        "for relapse prevention in patients with treatment-resistant depression: a randomized clinical trial (SUSTAIN-1)"
    ),
    "publisher": "JAMA Psychiatry",
    "year": 2019,
    "url": "https://doi.org/10.1001/jamapsychiatry.2019.1189",
    "doi": "10.1001/jamapsychiatry.2019.1189",
    "pmid": "31166571",
}

ELEKT_D = {
    "title": "Anand A, Mathew SJ, Sanacora G, et al. Ketamine versus ECT for nonpsychotic treatment-resistant major depression (ELEKT-D)",
    "publisher": "New England Journal of Medicine",
    "year": 2023,
    "url": "https://doi.org/10.1056/NEJMoa2302399",
    "doi": "10.1056/NEJMoa2302399",
    "pmid": "37224232",
}

KETECT = {
    "title": (
        "Ekstrand J, Fattah C, Persson M, et al. Racemic ketamine as an alternative to electroconvulsive therapy "
        "for unipolar depression: a randomized, open-label, non-inferiority trial (KetECT)"
    ),
    "publisher": "International Journal of Neuropsychopharmacology",
    "year": 2022,
    "url": "https://doi.org/10.1093/ijnp/pyab088",
    "doi": "10.1093/ijnp/pyab088",
    "pmid": "35020871",
}
