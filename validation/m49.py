"""The UN M49 regions of the ISO 3166-1 countries (unstats.un.org/unsd/methodology/m49).

``countries.region`` is checked against this list, which ships with the code: a region
taken from the editable table itself could be moved with it. Antarctica has no region.
"""
from __future__ import annotations

M49 = {
    "Africa": """DZA EGY LBY MAR SDN TUN ESH IOT BDI COM DJI ERI ETH ATF KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM
        SSD UGA TZA ZMB ZWE AGO CMR CAF TCD COG COD GNQ GAB STP BWA SWZ LSO NAM ZAF BEN BFA CPV CIV GMB GHA GIN
        GNB LBR MLI MRT NER NGA SHN SEN SLE TGO""",
    "Americas": """AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT
        SXM TTO TCA VIR BLZ CRI SLV GTM HND MEX NIC PAN ARG BOL BVT BRA CHL COL ECU FLK GUF GUY PRY PER SGS SUR
        URY VEN BMU CAN GRL SPM USA""",
    "Asia": """KAZ KGZ TJK TKM UZB CHN HKG MAC PRK JPN MNG KOR TWN BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM AFG
        BGD BTN IND IRN MDV NPL PAK LKA ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM""",
    "Europe": """BLR BGR CZE HUN POL MDA ROU RUS SVK UKR ALA DNK EST FRO FIN GGY ISL IRL IMN JEY LVA LTU NOR SJM
        SWE GBR ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP AUT BEL FRA DEU LIE LUX MCO NLD
        CHE""",
    "Oceania": """AUS CXR CCK HMD NZL NFK FJI NCL PNG SLB VUT GUM KIR MHL FSM NRU MNP PLW UMI ASM COK PYF NIU PCN
        WSM TKL TON TUV WLF""",
}
REGION_OF = {code: region for region, codes in M49.items() for code in codes.split()}
