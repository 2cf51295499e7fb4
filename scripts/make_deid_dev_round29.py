#!/usr/bin/env python3
"""Generate the round-29 de-identification development set (typed documents, written blind).

A seeded, self-contained generator (standard library only).  Each of 25 document templates is filled twice with
values drawn from the lists below: documents 1-25 go to ``deid_dev_round29a.jsonl`` (tuning) and documents 26-50,
the same templates in another order with other values, to ``deid_dev_round29b.jsonl`` (held out).

Templates carry placeholders:

* ``{TYPE:key}`` or ``{TYPE:key.form}`` inserts a PHI value and records its span with TYPE;
* ``{AGE?:key}`` inserts an age and records it as AGE only when it is 90 or over;
* ``{=key}`` / ``{=key.form}`` inserts a value that is not PHI (pronouns, titles, states, bed numbers);
* ``{MED:key}`` and ``[[literal]]`` insert a medical term that must be kept and record it under ``medical``.

Every span is therefore exact by construction; the checks at the end confirm it.  Running the script again
reproduces both files byte for byte.
"""

import datetime
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

SEED = 290429
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT_A = os.path.join(ROOT, "tests", "nlp", "data", "deid_dev_round29a.jsonl")
OUT_B = os.path.join(ROOT, "tests", "nlp", "data", "deid_dev_round29b.jsonl")

PHI_TYPES = ("NAME", "LOCATION", "DATE", "AGE", "ID", "PHONE", "ADDRESS", "ZIP", "EMAIL", "URL", "IP", "SSN",
             "VEHICLE")

# ---------------------------------------------------------------------------------------------------------------
# Name lists (written for this round)
# ---------------------------------------------------------------------------------------------------------------

FIRST = {
    "us": {
        "F": ["Brittany", "Tamika", "Heather", "Kayla", "Loretta", "Wanda", "Deborah", "Shanice", "Courtney",
              "Melinda", "Kristen", "Latisha", "Bethany", "Rhonda", "Jolene", "Madison", "Ashlyn", "Tonya"],
        "M": ["Dustin", "Travis", "Darnell", "Terrence", "Randall", "Cody", "Wayne", "Jerome", "Kurt", "Marcus",
              "Dwayne", "Clifford", "Bradley", "Tyrone", "Garrett", "Lonnie", "Shane", "Kendrick"],
    },
    "hisp": {
        "F": ["María José", "Guadalupe", "Xiomara", "Yesenia", "Marisol", "Araceli", "Itzel", "Rocío", "Maribel",
              "Ximena", "Luz Elena", "Dulce"],
        "M": ["José Luis", "Juan Carlos", "Jesús", "Efraín", "Raúl", "Joaquín", "Héctor", "Rodrigo", "Iván",
              "Santiago", "Ángel", "Nicolás"],
    },
    "viet": {
        "F": ["Thuy", "Hoa", "Ngoc Anh", "Thanh Huong", "Mai", "Phuong", "Hanh", "Bich Ngoc"],
        "M": ["Minh", "Tuan", "Quang", "Duc", "Khoa", "Bao", "Thanh Tung", "Vinh"],
    },
    "chinese": {
        "F": ["Xiuying", "Meiling", "Jing", "Yan", "Huiming", "Shuang", "Qiaolian"],
        "M": ["Wei", "Jianguo", "Zhiwei", "Hao", "Jun", "Guoqiang", "Zhenyu"],
    },
    "korean": {
        "F": ["Ji-woo", "Seo-yeon", "Min-ji", "Eun-ji", "Hye-jin", "Soo-ah"],
        "M": ["Jae-hyun", "Seung-ho", "Dong-hyun", "Min-jun", "Sung-min", "Tae-yang"],
    },
    "hmong": {
        "F": ["Mai Nou", "Pa Houa", "Youa", "Chia", "Kia", "Mai Yer", "Nou"],
        "M": ["Tou", "Pheng", "Fue", "Chue", "Neng", "Kou", "Yeng"],
    },
    "filipino": {
        "F": ["Maricel", "Rowena", "Lourdes", "Jocelyn", "Analyn", "Marites", "Girlie"],
        "M": ["Rommel", "Efren", "Ramil", "Danilo", "Arnel", "Jomar", "Rodel"],
    },
    "nigerian": {
        "F": ["Oluwaseun", "Folake", "Adaeze", "Chiamaka", "Ngozi", "Yetunde", "Ifeoma", "Funmilayo"],
        "M": ["Babatunde", "Chukwuemeka", "Olumide", "Obinna", "Adebayo", "Ikechukwu", "Oluwadamilare"],
    },
    "ethiopian": {
        "F": ["Tigist", "Meseret", "Almaz", "Hiwot", "Selamawit", "Mekdes"],
        "M": ["Dawit", "Yonas", "Tesfaye", "Abebe", "Girma", "Bereket"],
    },
    "somali": {
        "F": ["Hodan", "Fadumo", "Ayaan", "Sahra", "Ubah", "Hibaaq", "Ifrah"],
        "M": ["Abdirahman", "Abdullahi", "Liban", "Guled", "Mohamed", "Abdiwali", "Bashir"],
    },
    "arabic": {
        "F": ["Layla", "Noor", "Rania", "Samira", "Huda", "Amira", "Rasha"],
        "M": ["Khalid", "Yousef", "Tariq", "Hamza", "Saif", "Mazen", "Bilal"],
    },
    "southasian": {
        "F": ["Priyanka", "Lakshmi", "Anjali", "Deepa", "Harpreet", "Sunita", "Farzana"],
        "M": ["Rajesh", "Vikram", "Arjun", "Sanjay", "Gurpreet", "Imran", "Venkatesh"],
    },
    "polish": {
        "F": ["Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Bożena"],
        "M": ["Łukasz", "Wojciech", "Krzysztof", "Tomasz", "Paweł"],
    },
    "ukrainian": {
        "F": ["Oksana", "Yulia", "Nataliya", "Halyna", "Iryna"],
        "M": ["Bohdan", "Mykola", "Oleksandr", "Dmytro", "Yaroslav"],
    },
    "irish": {
        "F": ["Siobhan", "Niamh", "Aoife", "Maeve", "Brigid", "Colleen"],
        "M": ["Declan", "Cormac", "Padraig", "Seamus", "Kieran", "Eamon"],
    },
    "italian": {
        "F": ["Giuseppina", "Carmela", "Francesca", "Rosalia", "Concetta"],
        "M": ["Salvatore", "Vincenzo", "Giancarlo", "Carmine", "Rocco"],
    },
    "dutchger": {
        "F": ["Anneke", "Greta", "Liesel", "Marijke", "Ilse"],
        "M": ["Joost", "Dieter", "Klaus", "Maarten", "Wilhelm"],
    },
    "french": {
        "F": ["Giselle", "Amélie", "Solange", "Mireille", "Odette"],
        "M": ["Thierry", "Régis", "Lucien", "Étienne", "Gaston"],
    },
    "native": {
        "F": ["Nizhoni", "Dyani", "Kimimela", "Winona", "Tallulah", "Aiyana"],
        "M": ["Ahiga", "Tokala", "Kele", "Hototo", "Mato", "Chaske"],
    },
    "pacific": {
        "F": ["Leilani", "Malia", "Kalani", "Mele", "Sefa", "Lupe"],
        "M": ["Keanu", "Sione", "Tavita", "Kaimana", "Manaia", "Viliami"],
    },
    "accent": {
        "F": ["Zoë", "Renée", "Chloë", "Inés", "Dóra", "Anaïs", "Noémie"],
        "M": ["José", "Łukasz", "André", "Søren", "Björn", "Zoltán", "François", "Jürgen"],
    },
}

LAST = {
    "us": ["Whitaker", "Dunlap", "Pruitt", "Haskins", "McAllister", "Ferrell", "Tolliver", "Huckabee", "Jernigan",
           "Womack", "Satterfield", "Blevins", "Crenshaw", "Yarbrough", "Kimbrough", "Lindquist", "Pettway"],
    "hisp1": ["García", "Villanueva", "Hernández", "Ochoa", "Rodríguez", "Peña", "Castañeda", "Ibarra", "Zúñiga",
              "Montoya", "Quintero", "Barrientos", "Salazar", "Cárdenas", "Olmos", "Avendaño"],
    "hisp_part": ["de la Cruz", "de la Rosa", "del Toro", "de León", "de la Garza", "de los Santos"],
    "viet": ["Nguyen", "Tran", "Pham", "Le", "Vu", "Dang", "Bui", "Huynh", "Truong", "Do", "Hoang"],
    "chinese": ["Zhang", "Liu", "Chen", "Huang", "Zhao", "Wu", "Lin", "Xu", "Guo", "Cheung", "Wong"],
    "korean": ["Kim", "Choi", "Jeong", "Kang", "Yoon", "Han", "Shin", "Seo"],
    "hmong": ["Vang", "Xiong", "Yang", "Thao", "Lor", "Her", "Moua", "Vue", "Khang", "Hang"],
    "filipino": ["Dela Cruz", "Bautista", "Macaraeg", "Manalo", "Villareal", "Pangilinan", "Dimaculangan",
                 "Soriano", "Tolentino"],
    "nigerian": ["Adeyemi", "Okonkwo", "Oyelaran", "Nwachukwu", "Adebisi", "Eze", "Ogunleye", "Onyekachi",
                 "Akinola", "Olaniyan", "Chukwu"],
    "ethiopian": ["Haile", "Tadesse", "Gebremedhin", "Alemu", "Bekele", "Wolde", "Kebede", "Mengistu"],
    "somali": ["Warsame", "Abdi", "Jama", "Hassan", "Yusuf", "Mohamud", "Egal", "Farah", "Abdullahi"],
    "arabic": ["al-Hashimi", "Al-Amin", "bin Saleh", "Haddad", "Khoury", "El-Sayed", "Nasser", "Abu-Ghazaleh",
               "al-Rawi", "Mansour"],
    "southasian": ["Patel", "Venkataraman", "Chaudhary", "Reddy", "Sandhu", "Iyer", "Banerjee", "Siddiqui",
                   "Krishnamurthy", "Bhattacharya"],
    "polish": ["Kowalczyk", "Wiśniewski", "Zieliński", "Grabowska", "Szymański", "Wójcik", "Jabłoński"],
    "ukrainian": ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk", "Melnyk", "Kravets", "Hrytsenko"],
    "irish": ["O'Neill", "McNamara", "McAuliffe", "O'Sullivan", "MacMahon", "O'Donoghue", "McGrath",
              "MacGillicuddy", "Ó Briain"],
    "italian": ["D'Angelo", "Di Stefano", "DiMarco", "Esposito", "LoBianco", "Ferraro", "Colangelo", "De Luca"],
    "dutchger": ["van der Berg", "Van Houten", "von Ahlen", "vanden Bosch", "Vander Meer", "de Vries",
                 "Zimmermann", "ter Horst"],
    "french": ["Le Goff", "St. Pierre", "Thibodeaux", "LaFleur", "Boudreaux", "Desrosiers", "Ste. Marie",
               "Le Blanc"],
    "native": ["Begay", "Yazzie", "Tsosie", "Benally", "Two Bulls", "Whitehorse", "Spotted Elk", "Redcloud",
               "Manygoats", "Standing Bear", "Attakai"],
    "pacific": ["Kealoha", "Fonoti", "Tupou", "Faleolo", "Mahoe", "Kahananui", "Taufa", "Sapolu", "Aumua"],
    "accent": ["Müller", "Sørensen", "Núñez", "Gonçalves", "Bjørnstad", "Ferré", "Szabó", "Lévesque"],
    "hyphen": ["Smith-Okoro", "Harris-Delgado", "Nakamura-Reyes", "Kowalski-Brandt", "Lee-Whitfield",
               "Baptiste-Jean", "Morales-Whitcomb", "Ashworth-Ndiaye"],
}

ORIGINS = ["us", "hisp", "viet", "chinese", "korean", "hmong", "filipino", "nigerian", "ethiopian", "somali",
           "arabic", "southasian", "polish", "ukrainian", "irish", "italian", "dutchger", "french", "native",
           "pacific", "accent", "hyphen"]
ORIGIN_W = [7, 7, 4, 3, 3, 3, 3, 4, 3, 3, 3, 4, 3, 3, 3, 3, 2, 2, 3, 3, 2, 2]

# Given names and surnames that are ordinary English or medical-looking words.
WORD_FIRST = {
    "F": ["Iris", "Hope", "Faith", "Grace", "Joy", "May", "June", "Dawn", "Rose", "Ruby", "Pearl", "Summer",
          "Autumn", "Destiny", "Precious", "Star", "Angel", "Sunny", "Holly", "Ivy", "Violet", "Crystal", "Amber",
          "Charity", "Patience", "Honor", "Harmony", "Mercy", "Heaven", "Blossom", "Jewel", "Ginger", "April"],
    "M": ["Art", "Will", "Frank", "Mark", "Bill", "Chase", "Hunter", "Major", "King", "Sterling", "Rusty", "Buck",
          "Bud", "Forrest", "Cash", "Rocky", "Guy", "Earl", "Dale", "Glen", "Ray", "Pat", "Drew", "Gene", "Rod",
          "Wade", "Jack", "Lance", "Colt", "Royal", "Justice"],
}
WORD_LAST = ["Little", "Marsh", "Strong", "White", "Day", "King", "Long", "Young", "Moody", "Sharp", "Blood",
             "Heart", "Payne", "Bone", "Hand", "Foot", "Head", "Coffin", "Bishop", "Baker", "Cook", "Hill", "Wood",
             "Brown", "Black", "Green", "Rice", "Fox", "Wolf", "Stone", "Rivers", "Snow", "Frost", "Winter", "Love",
             "Swift", "Battle", "Gentry", "Person", "Sickles", "Kidney", "Nurse", "Doctor", "Cross", "Church",
             "Street", "Hall", "Park", "Lane", "Ward", "Bell", "Banks", "Waters", "Fields", "Bland", "Wise",
             "Hardy", "Bright", "Noble", "Savage", "Christmas", "Easter", "Monday", "Friday", "Short", "Sweet",
             "Bloom", "Lamb", "Crane", "Root", "Branch", "Reed", "Moss", "Berry", "Gold", "Silver", "Steele",
             "Walker", "Rush", "Gray", "Cannon", "Hope", "Joy", "Mercy", "Early", "Lively", "Coldwater", "Temple"]
# Surnames that are also the names of signs, diseases or procedures.
EPON_LAST = ["Foley", "Murphy", "Graves", "Addison", "Wilson", "Whipple", "Parkinson", "Cushing", "Hodgkin",
             "Epley", "Babinski", "Romberg", "Gram", "Bell", "Homans", "Apgar", "Phalen", "Battle"]

NICKMAP = {"Oluwaseun": "Seun", "Chukwuemeka": "Emeka", "Babatunde": "Tunde", "Abdirahman": "Abdi",
           "Małgorzata": "Gosia", "Oleksandr": "Sasha", "Giuseppina": "Pina", "Salvatore": "Sal",
           "Oluwadamilare": "Dami", "Funmilayo": "Funmi", "Krzysztof": "Kris", "Padraig": "Paddy",
           "Venkatesh": "Venky", "Jesús": "Chuy", "Guadalupe": "Lupe", "Wilhelm": "Willi", "Nataliya": "Natasha",
           "Ikechukwu": "Ike", "Concetta": "Connie", "Bradley": "Brad"}
NICK_POOL = {"F": ["Peaches", "Dolly", "Sissy", "Tootie", "Bunny", "Cookie", "Birdie", "Dottie", "Sugar"],
             "M": ["Butch", "Sonny", "Bubba", "Skip", "Chip", "Red", "Junior", "Duke", "Smitty", "Boots"]}
SUFFIXES = ["Jr.", "III", "II", "Sr."]

LANG = {"somali": ("Somali", ["Somalia", "Kenya"]), "ethiopian": ("Amharic", ["Ethiopia"]),
        "viet": ("Vietnamese", ["Vietnam"]), "hmong": ("Hmong", ["Laos", "Thailand"]),
        "arabic": ("Arabic", ["Syria", "Iraq", "Yemen", "Sudan"]),
        "hisp": ("Spanish", ["Guatemala", "Honduras", "Mexico", "El Salvador"]),
        "ukrainian": ("Ukrainian", ["Ukraine"]), "polish": ("Polish", ["Poland"]),
        "korean": ("Korean", ["South Korea"]), "chinese": ("Mandarin", ["China", "Taiwan"]),
        "nigerian": ("Yoruba", ["Nigeria"]), "filipino": ("Tagalog", ["the Philippines"])}
LANG_ORIGINS = list(LANG)
PATRONYMIC = set(LAST["somali"] + LAST["ethiopian"])

# ---------------------------------------------------------------------------------------------------------------
# Places and other values
# ---------------------------------------------------------------------------------------------------------------

TOWNS = [("Hope", "AR", "71801"), ("Normal", "IL", "61761"), ("Liberty", "MO", "64068"),
         ("Paradise", "CA", "95969"), ("Marshall", "TX", "75670"), ("Florence", "AL", "35630"),
         ("Commerce", "GA", "30529"), ("Eureka", "CA", "95501"), ("Independence", "MO", "64050"),
         ("Harmony", "PA", "16037"), ("Bliss", "ID", "83314"), ("Comfort", "TX", "78013"), ("Mobile", "AL", "36604"),
         ("Temple", "TX", "76504"), ("Orange", "CA", "92866"), ("Bountiful", "UT", "84010"), ("Unity", "ME", "04988"),
         ("Duluth", "MN", "55802"), ("Yakima", "WA", "98901"), ("Bangor", "ME", "04401"), ("Muncie", "IN", "47303"),
         ("Kalamazoo", "MI", "49007"), ("Eau Claire", "WI", "54701"), ("Fond du Lac", "WI", "54935"),
         ("Winston-Salem", "NC", "27101"), ("Lafayette", "LA", "70501"), ("Chula Vista", "CA", "91910"),
         ("St. Cloud", "MN", "56301"), ("Dayton", "OH", "45402"), ("Fresno", "CA", "93721"),
         ("Friendship", "WI", "53934"), ("Bonne Terre", "MO", "63628"), ("Truth or Consequences", "NM", "87901"),
         ("Sandy", "UT", "84070"), ("Rolla", "MO", "65401"), ("Worthing", "SD", "57077"), ("Sparks", "NV", "89431"),
         ("Beaumont", "TX", "77701"), ("Goshen", "IN", "46526"), ("Welcome", "MN", "56181")]
HOSPITALS = ["Bluewater Regional Medical Center", "St. Brigid Hospital", "Marshall Memorial Hospital",
             "Good Shepherd Medical Center", "Paradise Valley Community Hospital", "Holy Redeemer Hospital",
             "Liberty Hospital", "Hope Regional Medical Center", "Prairie Lakes Hospital",
             "Mercy Medical Center Florence", "Three Rivers Health", "Sacred Heart Medical Center",
             "Cottonwood Springs Hospital", "Lakeview Regional Medical Center", "Eureka Community Hospital",
             "Baylor Scott & White Medical Center - Temple", "Advocate BroMenn Medical Center",
             "Essentia Health St. Mary's", "Northern Light Eastern Maine Medical Center", "Bronson Methodist Hospital",
             "Kettering Health Dayton", "Our Lady of Lourdes Regional Medical Center", "Sharp Chula Vista",
             "Unity Point Health Trinity", "St. Cloud Hospital", "Goshen Hospital", "Christus St. Elizabeth"]
CLINICS = ["Harmony Family Medicine", "Riverbend Internal Medicine", "Comfort Community Health Center",
           "Three Forks Primary Care", "Westside Family Health", "Little River Clinic", "Hilltop Internal Medicine",
           "Friendship Rural Health Clinic", "Magnolia Family Practice", "Twin Oaks Geriatrics",
           "Welcome Family Clinic", "Hope Street Community Clinic", "Liberty Urgent Care",
           "Bayou Teche Family Medicine", "Gateway Senior Care"]
CARDIO = ["Cedar Valley Cardiology", "Heart & Vascular Institute of Liberty", "Prairie Heart Associates",
          "Gulf Coast Cardiology Group", "Marshall Heart Clinic", "Florence Cardiovascular Consultants"]
ENDO = ["Lakeside Endocrine Associates", "Kalamazoo Valley Endocrinology", "Thyroid & Diabetes Center of Temple",
        "Paradise Endocrine Clinic", "Golden Valley Endocrinology"]
NEURO = ["Pine Ridge Neurology", "Bluebonnet Neurology Associates", "Lakeview Neuroscience Institute",
         "Normal Neurology & Sleep"]
NEUROLABS = ["Pine Ridge Neurology EMG Lab", "Bluebonnet Neurodiagnostics", "Lakeside Neurodiagnostic Center",
             "Hope Valley Nerve Conduction Lab"]
ORTHO = ["Eastgate Orthopedic Associates", "Cascade Hand & Upper Extremity Center", "Summit Sports Medicine",
         "Bone & Joint Clinic of Eureka", "Liberty Orthopaedics"]
PT_CLINICS = ["Prairie Sky Physical Therapy", "Rebound Physical Therapy - Normal", "Stride Rehab & Sports PT",
              "Athletico Physical Therapy Goshen", "Marsh Creek Therapy Services"]
PEDS = ["North Star Pediatrics", "Little River Pediatrics", "Sunflower Children's Clinic",
        "Kidz First Pediatrics of Hope", "Bountiful Pediatric Partners"]
WOMENS = ["Sunflower Women's Health", "Magnolia OB/GYN", "Bluebonnet Women's Center", "Hope Midwifery & Women's Care"]
ONCO = ["Prairie Oncology Associates", "Cancer Care Specialists of Liberty", "Heartland Hematology & Oncology",
        "Eureka Cancer Center"]
PHARMACIES = ["Walgreens #07734", "CVS Pharmacy #2291", "Hy-Vee Pharmacy (Liberty)", "Rite Aid #1187",
              "Costco Pharmacy #412", "Publix Pharmacy #0412", "Harmony Drug", "Liberty Apothecary",
              "Good Neighbor Pharmacy of Hope", "H-E-B Pharmacy #588", "Kroger Pharmacy #L-377",
              "Marsh Supermarket Pharmacy", "Bell Family Pharmacy", "Bartell Drugs"]
SNFS = ["Autumn Ridge Health and Rehabilitation", "The Gardens at Paradise", "Good Shepherd Manor",
        "Willow Creek Care Center", "Bethany Home", "Sunny Acres Nursing Center", "Prairie View Skilled Nursing",
        "Golden Years Manor of Normal", "Heritage House of Marshall", "Stonebridge Rehabilitation Hospital",
        "Evergreen Transitional Care", "Maple Lawn Nursing Home"]
UNITS = ["Tower B 7th floor", "Gold Pod", "Founders 4 West", "Blue Pod", "Pavilion C 3rd floor", "Heritage 5 North",
         "Magnolia Unit", "Cedar 3", "Orchid Pod", "Lakeside 6 South", "Wright 2 East", "Kellogg Tower 9",
         "Green Pod", "Sullivan 4 North"]
EMPLOYERS = ["Kessler Tool and Die", "Sunrise Bakery", "Tri-County Electric Cooperative", "Hormel Foods",
             "John Deere Harvester Works", "Marathon Petroleum", "Kwik Trip", "Blue Bell Creameries", "Tyson Foods",
             "State Farm", "Whirlpool", "Rural King", "Hope Valley Poultry", "Liberty Utilities",
             "Dollar General Distribution Center", "Mobile Shipbuilding & Repair", "Walker Concrete"]
HIGH_SCHOOLS = ["Normal Community West High School", "Liberty North High School", "Comfort High School",
                "Goshen High School", "Eureka Senior High School", "Marshall High School", "Yakima Valley Tech"]
SCHOOLS = ["Normal Community West High School", "Harmony Elementary School", "Saint Rita School",
           "Eureka Middle School", "Liberty North High School", "Florence Christian Academy", "Comfort High School",
           "Bountiful Junior High", "Marshall Early Childhood Center", "Hope Academy", "Lincoln Elementary"]
UNIVERSITIES = ["Illinois State University", "Hope College", "Eastern Kentucky University", "Temple University",
                "Grand Valley State University", "University of Mobile", "Weber State University"]
CHURCHES = ["Grace Lutheran Church", "Mt. Olive Missionary Baptist Church", "St. Wenceslaus Parish",
            "Iglesia Cristiana Roca Firme", "Holy Trinity Ukrainian Catholic Church", "Masjid Abu Bakr",
            "Hmong Alliance Church", "Vietnamese Martyrs Parish", "First Church of the Nazarene",
            "Bethel AME Church", "Our Lady of Hope Parish"]
CLERGY = {"Grace Lutheran Church": "Pastor", "Mt. Olive Missionary Baptist Church": "Rev.",
          "St. Wenceslaus Parish": "Father", "Iglesia Cristiana Roca Firme": "Pastor",
          "Holy Trinity Ukrainian Catholic Church": "Father", "Masjid Abu Bakr": "Imam",
          "Hmong Alliance Church": "Pastor", "Vietnamese Martyrs Parish": "Father",
          "First Church of the Nazarene": "Pastor", "Bethel AME Church": "Rev.", "Our Lady of Hope Parish": "Father"}
COUNTIES = ["Hidalgo County", "Lane County", "Marion County", "Pottawattamie County", "Stearns County",
            "Cass County", "Shelby County", "Door County", "Hempstead County", "McLean County", "Humboldt County"]
AGENCIES = ["Heartland Home Health", "Bayada Home Health Care", "Visiting Nurse Association of Eureka",
            "Good Samaritan Home Care", "Amedisys Home Health of Temple", "Angels of Care Home Health",
            "Comfort Keepers of Liberty", "Interim HealthCare of Duluth"]
LABS = ["Quest Diagnostics - Temple", "LabCorp Patient Service Center Normal", "Bluewater Outpatient Lab",
        "Clinical Reference Laboratory", "Mercy Outreach Lab Florence"]
IMAGING = ["Lakeside Imaging Center", "Advanced Radiology of Eureka", "Open MRI of Goshen",
           "Marshall Diagnostic Imaging", "Hope Valley Imaging"]
OPOS = ["Gift of Hope", "LifeSource", "Donor Network West", "Mid-America Transplant", "LifeShare of the Carolinas",
        "Southwest Transplant Alliance"]
FUNERAL = ["Rosewood Funeral Home", "Schaefer-Lindquist Funeral Chapel", "Peaceful Rest Mortuary",
           "Hope Memorial Chapel", "Gentry & Sons Funeral Home", "Lighthouse Mortuary", "Friendship Funeral Home"]
AMBULANCE = ["AMR", "Lifeline Ambulance", "Gold Cross Ambulance", "Tri-Township Ambulance", "Superior Air-Ground",
             "Med-Trans of Temple"]
ADULT_DAY = ["Sunshine Adult Day Center", "Open Arms Adult Day Services", "Harmony House Respite",
             "Catholic Charities Respite Program"]
AAAS = ["Area Agency on Aging of Western Arkansas", "East Central Illinois Area Agency on Aging",
        "Mid-America Regional Council Aging Services", "Arrowhead Area Agency on Aging"]
FERTILITY = ["Harmony Fertility Center", "Center for Reproductive Medicine of Bountiful", "Shady Grove Fertility",
             "Kalamazoo Fertility Associates"]

STREETS = ["Larkspur", "Elm", "Water", "Cottonwood", "Old Mill", "Prairie Rose", "Kingfisher", "Main", "Bluebonnet",
           "Magnolia", "Cedar Ridge", "Quail Run", "Hickory", "Orchard", "Lakeshore", "Jefferson", "Dogwood",
           "Sycamore", "Willow Bend", "Chapel Hill", "Meadowlark", "Railroad", "Tanglewood", "Ironwood", "Pecan"]
STREET_TYPES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Ct", "Blvd", "Way",
                "Pl", "Circle", "Terrace", "Pkwy"]
AREAS = ["217", "309", "479", "870", "903", "256", "530", "707", "816", "507", "218", "207", "765", "269", "715",
         "920", "336", "337", "619", "320", "937", "559", "509", "801", "412", "614", "409", "574", "575", "573"]
MAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "att.net"]

MRN_SHAPES = ["########", "#######", "M########", "##-###-###", "00#######", "9##-##-##"]
ACCT_SHAPES = ["##########", "A9########", "9#######-##"]
ENC_SHAPES = ["E##########", "ENC9#######", "9#########"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ---------------------------------------------------------------------------------------------------------------
# Value objects
# ---------------------------------------------------------------------------------------------------------------

_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D"})


def fold(s):
    s = unicodedata.normalize("NFKD", s.translate(_FOLD)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]", "", s.lower())


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


class DateV:
    def __init__(self, d):
        self.d = d

    def f(self, style):
        d = self.d
        m, dd, y = d.month, d.day, d.year
        forms = {
            "mdy": "%02d/%02d/%d" % (m, dd, y),
            "mdy1": "%d/%d/%d" % (m, dd, y),
            "mdyy": "%d/%d/%02d" % (m, dd, y % 100),
            "md": "%d/%d" % (m, dd),
            "long": "%s %d, %d" % (MONTHS[m - 1], dd, y),
            "mon_d": "%s %d" % (MONTHS[m - 1], dd),
            "abbr": "%s %d" % (MON[m - 1], dd),
            "abbr_y": "%s %d, %d" % (MON[m - 1], dd, y),
            "dmy": "%02d-%s-%d" % (dd, MON[m - 1], y),
            "iso": d.isoformat(),
            "wd_md": "%s %d/%d" % (WEEKDAYS[d.weekday()], m, dd),
            "wd_long": "%s, %s %d" % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd),
            "wd_full": "%s, %s %d, %d" % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd, y),
            "ord": ordinal(dd),
            "dmy_long": "%d %s %d" % (dd, MONTHS[m - 1], y),
            "mdy_dash": "%02d-%02d-%d" % (m, dd, y),
            "mon_y": "%s %d" % (MONTHS[m - 1], y),
        }
        return forms[style]


class AgeV:
    def __init__(self, n):
        self.n = n
        self.phi = n >= 90

    def f(self, form):
        return str(self.n)


class Person:
    def __init__(self, r, first, last, sex, word, origin):
        self.first, self.last, self.sex, self.word, self.origin = first, last, sex, word, origin
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.55 else ""
        self.suffix = r.choice(SUFFIXES) if sex == "M" and r.random() < 0.08 else ""
        self.nick = NICKMAP.get(first) or r.choice(NICK_POOL[sex])
        self.hon = "Mr." if sex == "M" else r.choice(["Ms.", "Mrs.", "Ms."])
        base = fold(first)[:1] + fold(last)[:7]
        self.user = base + (str(r.randint(1, 9)) if r.random() < 0.5 else "")
        self.miss = misspell(r, last)
        self.maiden = r.choice(LAST[r.choice(["us", "irish", "italian", "polish", "hisp1", "dutchger"])])

    def f(self, form):
        first, last = self.first, self.last
        sfx = (" " + self.suffix) if self.suffix else ""
        mi = self.mi
        ini = first[0].upper() + last[0].upper()
        he = "he" if self.sex == "M" else "she"
        his = "his" if self.sex == "M" else "her"
        forms = {
            "full": first + " " + last + sfx,
            "fml": first + " " + (mi + ". " if mi else "") + last + sfx,
            "first": first,
            "last": last,
            "f_last": first[0] + ". " + last,
            "LF": last.upper() + ", " + first.upper() + (" " + mi if mi else ""),
            "LFs": last.upper() + ", " + first.upper(),
            "lf": last + ", " + first,
            "ini": ini,
            "ini3": first[0].upper() + (mi or "") + last[0].upper(),
            "ini_lc": ini.lower(),
            "user": self.user,
            "lc_first": first.lower(),
            "lc_last": last.lower(),
            "lc_full": (first + " " + last).lower(),
            "nick": self.nick,
            "nick_full": first + ' "' + self.nick + '" ' + last,
            "miss_full": first + " " + self.miss,
            "miss_last": self.miss,
            "miss_LF": self.miss.upper() + ", " + first.upper(),
            "maiden": first + " " + self.maiden,
            "hon": self.hon,
            "he": he, "He": he.capitalize(), "his": his, "His": his.capitalize(),
            "him": "him" if self.sex == "M" else "her",
            "sexword": "man" if self.sex == "M" else "woman",
            "child": "son" if self.sex == "M" else "daughter",
        }
        return forms[form]


def agree(last, sex):
    """Surnames that change with sex: bin / bint, Polish -ski / -ska."""
    if sex == "F" and last.startswith("bin "):
        return "bint " + last[4:]
    if sex == "M" and last.startswith("bint "):
        return "bin " + last[5:]
    if sex == "F" and last.endswith("ski") and last not in EPON_LAST:
        return last[:-1] + "a"
    if sex == "M" and last.endswith("ska"):
        return last[:-1] + "i"
    return last


def make_last(r, origin):
    if origin == "hisp":
        x = r.random()
        a, b = r.sample(LAST["hisp1"], 2)
        if x < 0.55:
            return a + " " + b
        if x < 0.7:
            return a + "-" + b
        if x < 0.88:
            return r.choice(LAST["hisp_part"])
        return a
    return r.choice(LAST[origin])


def misspell(r, last):
    letters = [i for i in range(1, len(last) - 1) if last[i].isalpha() and last[i + 1].isalpha()
               and last[i] != last[i + 1] and last[i].islower() and last[i + 1].islower()]
    if len(last) >= 5 and letters:
        i = r.choice(letters)
        out = last[:i] + last[i + 1] + last[i] + last[i + 2:]
    else:
        out = last + "e" if not last.endswith("e") else last[:-1] + "y"
    assert out != last
    return out


# ---------------------------------------------------------------------------------------------------------------
# Document builder and renderer
# ---------------------------------------------------------------------------------------------------------------

GLOBAL_NAMES = set()
ORIGIN_DECK = []


def draw_origin(r):
    """Origins come from a shuffled deck (refilled when empty) so that every origin turns up in each half."""
    if not ORIGIN_DECK:
        deck = [o for o, w in zip(ORIGINS, ORIGIN_W) for _ in range(w)]
        r.shuffle(deck)
        ORIGIN_DECK.extend(deck)
    return ORIGIN_DECK.pop()


class Doc:
    def __init__(self, r):
        self.r = r
        self.ctx = {}
        self.base = datetime.date(2023, 1, 2) + datetime.timedelta(days=r.randint(0, 1275))
        self.names = set()
        self.lasts = set()
        self.firsts = set()
        self.values = set()
        self.persons = []

    # persons -------------------------------------------------------------------------------------------------
    def P(self, key, kind=None, sex=None, fam=None, origin=None):
        """Draw a person.  fam: a relative whose surname (and naming origin) the new person shares."""
        r = self.r
        for attempt in range(60):
            k = kind
            if k is None:
                k = r.choices(["any", "word", "wlast", "wfirst", "epon"], weights=[75, 6, 9, 6, 4])[0]
            s = sex or r.choice("FM")
            o = fam.forigin if fam is not None else origin
            if o is None:
                o = draw_origin(r)
            if k in ("word", "wfirst"):
                first, fo = r.choice(WORD_FIRST[s]), "us"
            elif k in ("wlast", "epon") and origin is None and fam is None:
                fo = r.choice(["us", "us", "irish", "italian", "hisp", "accent"])
                first = r.choice(FIRST[fo][s])
            else:
                fo = "us" if o == "hyphen" else o
                first = r.choice(FIRST[fo][s])
            if fam is not None:
                # Somali and Ethiopian surnames are a father's given name: relatives do not share them.
                ln = make_last(r, fam.forigin) if fam.last in PATRONYMIC else fam.last
            elif k in ("word", "wlast"):
                ln = r.choice(WORD_LAST)
            elif k == "epon":
                ln = r.choice(EPON_LAST)
            else:
                ln = make_last(r, o)
            ln = agree(ln, s)
            if (first, ln) in self.names or first in self.firsts or first == ln:
                continue
            if fam is None and ln in self.lasts:
                continue
            if (first, ln) in GLOBAL_NAMES and attempt < 40:
                continue
            break
        word = first in WORD_FIRST[s] or ln in WORD_LAST or ln in EPON_LAST
        p = Person(r, first, ln, s, word, o)
        p.forigin = fo
        self.names.add((first, ln))
        self.firsts.add(first)
        self.lasts.add(ln)
        GLOBAL_NAMES.add((first, ln))
        self.ctx[key] = p
        self.persons.append(p)
        return p

    # simple values -------------------------------------------------------------------------------------------
    def S(self, key, value):
        self.ctx[key] = value
        return value

    def C(self, key, lst):
        for _ in range(50):
            v = self.r.choice(lst)
            if v not in self.values:
                break
        self.values.add(v)
        self.ctx[key] = v
        return v

    def D(self, key, off, workday=False):
        day = self.base + datetime.timedelta(days=off)
        while workday and day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        self.ctx[key] = DateV(day)

    def dob(self, key, age):
        d = self.base - datetime.timedelta(days=int(age * 365.25) + self.r.randint(20, 340))
        self.ctx[key] = DateV(d)

    def age(self, key, p90, lo=52, hi=89):
        n = self.r.randint(90, 104) if self.r.random() < p90 else self.r.randint(lo, hi)
        self.ctx[key] = AgeV(n)
        return n

    def town(self, key):
        for _ in range(50):
            t = self.r.choice(TOWNS)
            if t[0] not in self.values:
                break
        self.values.add(t[0])
        self.ctx[key] = t[0]
        self.ctx[key + "_st"] = t[1]
        self.ctx[key + "_zip"] = t[2]
        self.ctx[key + "_zip4"] = t[2] + "-%04d" % self.r.randint(1000, 9899)
        self.ctx[key + "_lc"] = t[0].lower()
        return t

    def addr(self, key):
        r = self.r
        num = str(r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 9999), r.randint(10000, 28999)]))
        dirn = r.choice(["", "", "", "N ", "S ", "E ", "W ", "North ", "SW "])
        s = "%s %s%s %s" % (num, dirn, r.choice(STREETS), r.choice(STREET_TYPES))
        apt = r.choice(["", "", "", " Apt 3B", " Apt 12", " Unit 4", " #204", " Lot 17", " Apt C"])
        if r.random() < 0.07:
            s, apt = "PO Box %d" % r.randint(12, 2999), ""
        self.ctx[key] = s + apt
        return s + apt

    def ph(self, key, style=None):
        r = self.r
        if style == "ext":
            v = str(r.randint(2000, 7999)) if r.random() < 0.7 else str(r.randint(20000, 69999))
        elif style == "pager":
            v = str(r.randint(1000, 9999)) if r.random() < 0.5 else self._phone(r.choice(["dash", "dot"]))
        else:
            v = self._phone(style or r.choice(["paren", "paren", "dash", "dash", "dot", "space", "plus", "one"]))
        self.ctx[key] = v
        return v

    def _phone(self, style):
        r = self.r
        a = r.choice(AREAS)
        while True:
            e = r.randint(201, 989)
            if e % 100 != 11 and e != 555:
                break
        n = "%04d" % r.randint(0, 9999)
        return {"paren": "(%s) %d-%s", "dash": "%s-%d-%s", "dot": "%s.%d.%s", "space": "%s %d %s",
                "plus": "+1 %s-%d-%s", "one": "1-%s-%d-%s"}[style] % (a, e, n)

    def ids(self, key, shapes):
        if isinstance(shapes, str):
            shapes = [shapes]
        v = self.idv(self.r.choice(shapes))
        self.ctx[key] = v
        return v

    def idv(self, shape):
        r = self.r
        out = []
        for ch in shape:
            if ch == "#":
                out.append(str(r.randint(0, 9)))
            elif ch == "9":
                out.append(str(r.randint(1, 9)))
            elif ch == "A":
                out.append(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
            else:
                out.append(ch)
        return "".join(out)

    def ssn(self, key):
        r = self.r
        area = r.choice([r.randint(1, 665), r.randint(667, 899)])
        self.ctx[key] = "%03d-%02d-%04d" % (area, r.randint(1, 99), r.randint(1, 9999))

    def email(self, key, p, domain=None):
        r = self.r
        fn, ln = fold(p.first), fold(p.last)
        if domain:
            v = "%s@%s" % (p.user, domain)
        else:
            v = r.choice(["%s.%s%d@%s" % (fn, ln, r.randint(1, 99), r.choice(MAIL_DOMAINS)),
                          "%s%s@%s" % (fn[0], ln, r.choice(MAIL_DOMAINS)),
                          "%s%s%d@%s" % (fn, ln[:4], r.randint(50, 99), r.choice(MAIL_DOMAINS))])
        self.ctx[key] = v

    def ip(self, key):
        r = self.r
        v = r.choice(["10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 254)),
                      "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254)),
                      "192.168.%d.%d" % (r.randint(0, 255), r.randint(2, 254))])
        self.ctx[key] = v

    def vin(self, key):
        r = self.r
        alpha = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        v = r.choice(["1HG", "1FT", "2T1", "3VW", "JTD", "5YJ", "1G1", "KMH", "4T1", "1C4"])
        v += "".join(r.choice(alpha) for _ in range(8)) + "".join(str(r.randint(0, 9)) for _ in range(6))
        self.ctx[key] = v

    def plate(self, key):
        self.ctx[key] = self.idv(self.r.choice(["AAA-####", "9AA-####", "AAA ####", "9AAA###", "AA# ####"]))

    def slug(self, name):
        words = [fold(w) for w in name.replace("&", " ").replace("-", " ").split()]
        words = [w for w in words if w]
        joined = "".join(words)
        if len(joined) <= 18:
            return joined
        return words[0] + "".join(w[0] for w in words[1:])


TOKEN = re.compile(r"\{([A-Z]+\??):([a-z0-9_]+(?:\.[A-Za-z0-9_]+)?)\}|\{=([a-z0-9_]+(?:\.[A-Za-z0-9_]+)?)\}"
                   r"|\[\[([^\]]+)\]\]")


def lookup(ctx, key):
    if "." in key:
        obj, form = key.split(".", 1)
        return ctx[obj], ctx[obj].f(form)
    v = ctx[key]
    return v, (v if isinstance(v, str) else v.f(""))


def render(tmpl, ctx):
    out, phi, med = [], [], []
    n = 0
    pos = 0
    drop_dot = False
    for m in TOKEN.finditer(tmpl):
        lit = tmpl[pos:m.start()]
        if drop_dot and lit.startswith("."):
            lit = lit[1:]
        drop_dot = False
        out.append(lit)
        n += len(lit)
        typ, key, plain, medlit = m.groups()
        if medlit is not None:
            value, kind = medlit, "MED"
        elif plain is not None:
            _, value = lookup(ctx, plain)
            kind = None
        else:
            obj, value = lookup(ctx, key)
            kind = typ
            if typ.endswith("?"):
                kind = typ[:-1] if obj.phi else None
        assert value and value == value.strip(), (key, value)
        if kind == "MED":
            med.append({"start": n, "end": n + len(value), "text": value})
        elif kind is not None:
            assert kind in PHI_TYPES, kind
            phi.append({"start": n, "end": n + len(value), "type": kind, "_v": value})
        out.append(value)
        n += len(value)
        drop_dot = value.endswith(".")
        pos = m.end()
    lit = tmpl[pos:]
    if drop_dot and lit.startswith("."):
        lit = lit[1:]
    out.append(lit)
    text = "".join(out)
    for s in phi:
        assert text[s["start"]:s["end"]] == s["_v"], s
    for s in med:
        assert text[s["start"]:s["end"]] == s["text"], s
    return text, phi, med


# ---------------------------------------------------------------------------------------------------------------
# Templates: one function per document kind; each registers its values on d and returns the template text
# ---------------------------------------------------------------------------------------------------------------

def t_discharge(d):
    r = d.r
    pt = d.P("pt", "word", sex="F")
    d.P("att")
    d.P("res")
    d.P("pcp", "epon")
    d.P("dau", sex="F", fam=pt)
    d.P("card")
    d.P("typ")
    d.C("hosp", HOSPITALS)
    d.C("clinic", CLINICS)
    d.C("clinic2", CARDIO)
    d.ids("mrn", MRN_SHAPES)
    d.ids("acct", ACCT_SHAPES)
    d.ids("job", ["9######", "J9#####", "##-#####"])
    d.D("adm", 0)
    d.D("foley", 2)
    d.D("dis", 5)
    d.D("tr", 6)
    d.D("fu", r.randint(9, 15), workday=True)
    d.age("age", 0.5, 66, 89)
    d.ph("dauph")
    return """{LOCATION:hosp}
DISCHARGE SUMMARY

Patient: {NAME:pt.LF}    MRN: {ID:mrn}    Account: {ID:acct}
Admission Date: {DATE:adm.mdy}    Discharge Date: {DATE:dis.mdy}
Attending: {NAME:att.full}, MD
Dictated by: {NAME:res.full}, MD

PRINCIPAL DIAGNOSIS: Acute on chronic systolic [[heart]] failure.

HISTORY: {=pt.hon} {NAME:pt.last} is a {AGE?:age}-year-old woman with ischemic cardiomyopathy (EF 25% in 2021) \
admitted with dyspnea, orthopnea and a 6 kg weight gain.

HOSPITAL COURSE: Diuresed with IV furosemide 40 mg BID, net negative 7.2 L. A [[Swan-Ganz catheter]] was not \
required. [[Foley catheter]] removed {DATE:foley.md}. {NAME:pt.full} ambulated 300 ft on hospital day 3 and \
tolerated a 2 g sodium diet. Creatinine peaked at 1.6. Her daughter {NAME:dau.first} ({PHONE:dauph}) will help \
with daily weights.

DISCHARGE MEDICATIONS: furosemide 40 mg daily, metoprolol succinate 25 mg daily, sacubitril-valsartan 24/26 mg BID.

FOLLOW-UP: Dr. {NAME:pcp.last} at {LOCATION:clinic} on {DATE:fu.wd_md} at 10:40; cardiology with \
{NAME:card.full}, MD, {LOCATION:clinic2}, within 2 weeks.

cc: {NAME:pcp.f_last}, MD; {NAME:card.full}, MD
Electronically signed: {NAME:att.full}, MD  {DATE:dis.mdy} 16:02
D: {DATE:dis.mdy} 11:15   T: {DATE:tr.mdy} 07:48   {NAME:att.ini}/{NAME:typ.ini_lc}   Job #{ID:job}
"""


def t_progress(d):
    r = d.r
    pt = d.P("pt", "word")
    d.P("rn", None, sex="F")
    d.P("son", sex="M", fam=pt)
    d.P("gi")
    d.P("ptt")
    d.P("cm")
    d.P("dil", sex="F", fam=pt)
    d.P("hm")
    d.C("hosp", HOSPITALS)
    d.C("unit", UNITS)
    d.C("snf", SNFS)
    d.C("snf2", SNFS)
    d.town("town")
    d.S("bed", str(r.randint(1, 40)) + r.choice(["A", "B", ""]))
    d.ids("mrn", MRN_SHAPES)
    d.D("d", 0)
    d.D("d0", -2)
    d.D("ercp", -1)
    d.dob("dob", r.randint(58, 86))
    d.ph("pager", "pager")
    return """HOSPITAL MEDICINE PROGRESS NOTE
{LOCATION:hosp} - {LOCATION:unit}, bed {=bed}    {DATE:d.long}
Patient: {NAME:pt.LF}    DOB: {DATE:dob.mdy}    MRN: {ID:mrn}

Subjective: {NAME:pt.full} tolerated {=pt.his} diet overnight and denies chest pain. RN {NAME:rn.full} reports \
one episode of confusion at 02:30 that resolved with reorientation. {=pt.His} son {NAME:son.first} visited after work.

Objective: T 37.4  HR 92  BP 128/74  RR 18  SpO2 94% on 2 L. Pain 4/10. Alert and oriented x3. \
[[Murphy's sign]] negative. No calf tenderness, [[Homans sign]] negative. Strength 5/5 throughout.
Labs: WBC 12.8 (15.1 on {DATE:d0.md}), Hgb 10.2, lactate 1.1. [[Blood]] cultures from {DATE:d0.abbr}: no \
growth at 48 h.

Assessment/Plan:
1. Cholangitis s/p ERCP by Dr. {NAME:gi.last} (GI) on {DATE:ercp.wd_md}: continue piperacillin-tazobactam, day 3 of 7.
2. Deconditioning: {NAME:pt.first} ambulated 150 ft with PT ({NAME:ptt.full}, DPT); rolling walker.
3. Dispo: case manager {NAME:cm.full} faxed referrals to {LOCATION:snf} in {LOCATION:town}; daughter-in-law \
{NAME:dil.full} prefers {LOCATION:snf2}.

{NAME:hm.full}, MD  |  pager {PHONE:pager}  |  15:40
"""


def t_ed(d):
    r = d.r
    d.P("pt", sex=r.choice("FM"))
    d.P("nb", "word")
    d.P("gs", sex="M")
    d.P("res")
    d.P("ortho")
    d.P("hmd")
    d.P("edmd")
    d.P("scribe")
    d.C("hosp", HOSPITALS)
    d.C("unit", UNITS)
    d.town("town")
    d.C("ems", [d.ctx["town"] + " Fire Rescue", "Tri-County Ambulance District", d.r.choice(COUNTIES) + " EMS"])
    d.addr("addr")
    d.ids("mrn", MRN_SHAPES)
    d.D("d", 0)
    d.D("or", 1)
    d.age("age", 0.75, 70, 89)
    d.ph("gsph")
    return """EMERGENCY DEPARTMENT PHYSICIAN NOTE
{LOCATION:hosp}    Arrival: {DATE:d.mdy} 02:14    Mode: ground EMS ({LOCATION:ems})
Patient: {NAME:pt.LF}    MRN: {ID:mrn}    Triage: ESI 2

HPI: {NAME:pt.full} is a {AGE?:age}-year-old {=pt.sexword} found on the kitchen floor by neighbor \
{NAME:nb.full}, who has a key. Last known well 21:00 per {=pt.his} grandson {NAME:gs.nick_full} (cell {PHONE:gsph}). \
Lives alone at {ADDRESS:addr} in {LOCATION:town}. Takes apixaban for atrial fibrillation.

Exam: GCS 14 (E4V4M6) on the [[Glasgow Coma Scale]]. Pupils 3 mm and reactive; old coloboma of the left \
[[iris]]. No [[Battle sign]]. [[Babinski]] downgoing bilaterally. Pain 6/10 left hip; leg shortened and \
externally rotated.

Results: Hgb 11.9, INR 1.3, CK 1,840. CT head: no acute hemorrhage. XR: left femoral neck fracture.

ED course: fascia iliaca block at 03:05 by Dr. {NAME:res.last}. Orthopedics ({NAME:ortho.full}, MD) consulted; \
OR likely {DATE:or.wd_md}. Admitted to hospitalist Dr. {NAME:hmd.last}, {LOCATION:unit}.

{NAME:edmd.full}, MD    Scribe: {NAME:scribe.full}    {DATE:d.mdy} 04:22
"""


def t_neuro(d):
    r = d.r
    org = r.choice(LANG_ORIGINS)
    d.S("lang", LANG[org][0])
    pt = d.P("pt", "any", sex="M", origin=org)
    d.P("interp", "any", origin=org)
    d.P("wife", "any", sex="F", fam=pt)
    d.P("req", "wlast")
    d.P("hand")
    d.P("neuro")
    d.P("pcp")
    d.C("clinic", NEURO)
    d.C("rclinic", CLINICS)
    d.C("emg", NEUROLABS)
    d.C("employer", EMPLOYERS)
    d.ids("mrn", MRN_SHAPES)
    d.ids("iid", ["INT-####", "9####", "L-###"])
    d.D("d", 0)
    d.D("emgd", r.randint(6, 20), workday=True)
    d.D("ret", r.randint(30, 50), workday=True)
    d.dob("dob", 58)
    return """NEUROLOGY CONSULTATION
Date of service: {DATE:d.dmy}    Location: {LOCATION:clinic}
Patient: {NAME:pt.full}    MRN: {ID:mrn}    DOB: {DATE:dob.mdy}
Requesting physician: {NAME:req.full}, MD, {LOCATION:rclinic}
Interpreter: {NAME:interp.full} ({=lang}, ID {ID:iid})

Reason for consult: bilateral hand numbness for 8 months.

History: {=pt.hon} {NAME:pt.last} is a 58-year-old right-handed machinist at {LOCATION:employer} with type 2 \
diabetes (A1c 8.4%) and [[Bell's palsy]] in 2016. His wife {NAME:wife.full} notes that he drops cups.

Exam: [[Tinel]] sign positive at both wrists; [[Phalen]] test positive at 30 s. Thenar atrophy on the right. \
Ankle reflexes 1+, [[Babinski]] absent. Vibration reduced at the toes. Strength 5/5 except APB 4/5.

Impression: bilateral carpal tunnel syndrome, right worse than left, on a length-dependent polyneuropathy.

Plan: EMG/NCS at {LOCATION:emg} on {DATE:emgd.mon_d}; wrist splints at night; hand surgery referral to \
{NAME:hand.full}, MD. Return visit {DATE:ret.mdy1}.

Thank you for this consultation.
{NAME:neuro.full}, MD, Neurology
cc: {NAME:req.f_last}, MD; {NAME:pcp.full}, PA-C
"""


def t_operative(d):
    pt = d.P("pt", sex="F")
    d.P("surg", "wlast")
    d.P("asst")
    d.P("anes")
    d.P("crna")
    d.P("circ")
    d.P("scrub")
    d.P("path")
    d.P("hus", sex="M", fam=pt)
    d.C("hosp", HOSPITALS)
    d.C("unit", UNITS)
    d.ids("mrn", MRN_SHAPES)
    d.ids("enc", ENC_SHAPES)
    d.ids("acc", ["S##-#####", "SP##-####", "H##-######"])
    d.ids("serial", ["SN9A##-#####", "9AA#####", "AA9A9####"])
    d.D("d", 0)
    return """OPERATIVE REPORT
{LOCATION:hosp}, Main OR    Date of surgery: {DATE:d.mdy}
Patient: {NAME:pt.LF}    MRN: {ID:mrn}    Encounter: {ID:enc}

Surgeon: {NAME:surg.full}, MD
Assistant: {NAME:asst.full}, PA-C
Anesthesia: {NAME:anes.full}, MD; {NAME:crna.full}, CRNA
Circulating RN: {NAME:circ.full}    Scrub: {NAME:scrub.full}, CST

Preoperative diagnosis: adenocarcinoma of the pancreatic head.
Procedure: pylorus-preserving [[Whipple procedure]] (pancreaticoduodenectomy).
Anesthesia: general endotracheal. EBL 450 mL. Urine output 620 mL via [[Foley catheter]].

Findings: 3 cm firm mass in the head of the pancreas; no peritoneal or liver metastases. Frozen section of the \
pancreatic neck margin negative per Dr. {NAME:path.last} (pathology) at 11:52.

Description: after the resection, reconstruction was by pancreaticojejunostomy, hepaticojejunostomy and \
duodenojejunostomy. Two 19 Fr [[Jackson-Pratt]] drains were placed. The specimen went to pathology as accession \
{ID:acc}. A jejunal feeding tube (serial {ID:serial}) was placed. Counts correct x2 per {NAME:circ.ini}. \
Dr. {NAME:surg.last} was present for the entire procedure.

Disposition: PACU, then {LOCATION:unit}. Husband {NAME:hus.full} updated in the family lounge at 15:05.
{NAME:surg.full}, MD    Dictated {DATE:d.mdy}
"""


def t_referral(d):
    r = d.r
    pt = d.P("pt", sex="F")
    d.P("to", "wlast")
    d.P("from")
    d.P("typ")
    d.P("hus", None, sex="M", fam=pt)
    d.P("cc2")
    d.C("clinic", CLINICS)
    d.C("topr", ENDO)
    d.C("ccclinic", CLINICS)
    d.town("ct")
    d.town("tt")
    d.addr("caddr")
    d.addr("taddr")
    d.ph("cph")
    d.ph("cfax")
    d.S("url", r.choice(["https://www.%s.org", "www.%s.com", "https://%s.health/referrals"])
        % d.slug(d.ctx["clinic"]))
    d.ids("mrn", MRN_SHAPES)
    d.D("d", 0)
    d.D("start", -r.randint(10, 30))
    d.D("lab", -r.randint(2, 9))
    d.dob("dob", r.randint(30, 60))
    return """{LOCATION:clinic}
{ADDRESS:caddr}
{LOCATION:ct}, {=ct_st} {ZIP:ct_zip}
Telephone {PHONE:cph}  |  Fax {PHONE:cfax}
{URL:url}

{DATE:d.long}

{NAME:to.full}, MD
{LOCATION:topr}
{ADDRESS:taddr}
{LOCATION:tt}, {=tt_st} {ZIP:tt_zip4}

RE: {NAME:pt.full}    DOB: {DATE:dob.mdy}    MRN: {ID:mrn}

Dear Dr. {NAME:to.last},

Thank you for seeing {=pt.hon} {NAME:pt.last} for newly diagnosed [[Graves' disease]] (TSH <0.01, free T4 3.9, \
TRAb positive) with lid retraction and early proptosis. [[Cushing's]] syndrome was considered for her weight \
change and excluded by an overnight dexamethasone test. We started methimazole 10 mg daily on {DATE:start.mdy1}; \
resting [[heart]] rate is now 88. Her husband {NAME:hus.full} reports improved sleep. She would value your \
opinion on radioactive iodine versus surgery.

Sincerely,

{NAME:from.full}, MD
{NAME:from.ini}/{NAME:typ.ini_lc}
Enclosures: labs of {DATE:lab.md}
cc: {NAME:pt.full}; {NAME:cc2.full}, NP, {LOCATION:ccclinic}
"""


def t_phone(d):
    r = d.r
    pt = d.P("pt", sex="F")
    d.P("caller", sex="F", fam=pt if r.random() < 0.6 else None)
    d.P("md")
    d.P("nb")
    d.P("rn", None, sex="F")
    d.P("ma")
    d.C("clinic", CLINICS)
    d.C("lab", LABS)
    d.C("pharm", PHARMACIES)
    d.C("hosp", HOSPITALS)
    d.ids("mrn", MRN_SHAPES)
    d.ph("cb")
    d.ph("alt")
    d.ph("pharmph")
    d.D("d", 0)
    d.D("sun", -((d.base.weekday() + 1) % 7 or 7))
    d.D("appt", r.randint(2, 12), workday=True)
    return """TELEPHONE ENCOUNTER
{LOCATION:clinic}    {DATE:d.wd_long}    10:42 AM
Caller: {NAME:caller.full} (daughter)    Patient: {NAME:pt.LF}    MRN: {ID:mrn}
Callback: {PHONE:cb}    Alternate: {PHONE:alt}

Reason for call: {NAME:caller.first} reports her mother has been more confused and unsteady since Sunday \
({DATE:sun.md}). No falls. Takes carbidopa-levodopa 25/100 three times daily for [[Parkinson's disease]]; one dose \
missed yesterday. No fever; urine "dark." Home BP 104/62, HR 78. Normal [[Holter monitor]] in 2023.

Per {NAME:md.ini}: UA and BMP today, hold amlodipine. Orders faxed to {LOCATION:lab} at 11:05.
Pharmacy on file: {LOCATION:pharm}, {PHONE:pharmph}.
Appointment made with Dr. {NAME:md.last} on the {DATE:appt.ord} at 1:30 PM; neighbor {NAME:nb.full} will drive.
Advised ED ({LOCATION:hosp}) for any fall, fever or new weakness; caller verbalized understanding.

{NAME:rn.full}, RN    {DATE:d.mdy} 11:09
Routed to: {NAME:md.full}, MD; {NAME:ma.user}
"""


def t_portal(d):
    r = d.r
    pt = d.P("pt", "word", sex="F")
    d.P("md")
    d.P("son", sex="M", fam=pt)
    d.P("nb")
    d.P("dil", "wfirst", sex="F")
    d.P("rn")
    d.C("clinic", CLINICS)
    d.C("ehosp", HOSPITALS)
    d.town("et")
    d.email("pemail", pt)
    d.ids("thread", ["9########", "MSG-9######"])
    d.ph("ph")
    d.D("d", 0)
    d.D("er", -r.randint(2, 5))
    d.D("r", 1)
    d.D("appt", r.randint(4, 9), workday=True)
    return """Patient Portal Message    Thread {ID:thread}
From: {NAME:pt.full} <{EMAIL:pemail}>
To: {NAME:md.full}, MD - {LOCATION:clinic}
Sent: {DATE:d.mdy} 9:17 PM
Subject: question about my pills

hi dr {NAME:md.lc_last} this is {NAME:pt.lc_first}. my son {NAME:son.lc_first} took me to the er in \
{LOCATION:et_lc} on {DATE:er.md} because my [[heart]] was racing. they changed my metoprolol to 50 mg and said my \
[[blood]] pressure was ok. do i still take the diltiazem?? i have [[Addison's]] so i take hydrocortisone too. my \
neighbor {NAME:nb.lc_full} says i look yellow. my daughter in law {NAME:dil.lc_first} can bring me in. pls call \
{PHONE:ph} after 3. thank you {NAME:pt.lc_first}

Reply - {DATE:r.mdy} 8:02 AM
Hi {NAME:pt.first}, Dr. {NAME:md.last} reviewed the ED records from {LOCATION:ehosp}. Stop diltiazem and continue \
metoprolol 50 mg daily. We booked you for {DATE:appt.wd_md} at 9:20 AM for labs (CBC, CMP, bilirubin) and a visit. \
If you feel faint, call 911.
{NAME:rn.full}, RN, for Dr. {NAME:md.last}
"""


def t_socialwork(d):
    r = d.r
    pt = d.P("pt", sex="F")
    d.P("niece", sex="F")
    d.P("md")
    d.P("hus", sex="M", fam=pt)
    d.P("pastor", None, sex="M")
    d.P("nb")
    d.P("son", sex="M", fam=pt)
    d.P("sus", sex="M")
    d.P("aps")
    d.P("sw")
    d.C("hosp", HOSPITALS)
    d.C("unit", UNITS)
    d.C("school", SCHOOLS)
    d.C("church", CHURCHES)
    d.S("clergy", CLERGY[d.ctx["church"]])
    d.C("county", COUNTIES)
    d.C("adc", ADULT_DAY)
    d.town("town")
    d.town("far")
    d.addr("addr")
    d.ids("mrn", MRN_SHAPES)
    d.ids("apsno", ["##########", "APS-9#####", "9###-####"])
    d.ph("pph")
    d.ph("ext", "ext")
    d.D("d", 0)
    d.D("fm", r.randint(1, 4))
    return """SOCIAL WORK ASSESSMENT    {DATE:d.mdy}    {LOCATION:hosp}, {LOCATION:unit}
Patient: {NAME:pt.full} ("{NAME:pt.nick}")    MRN {ID:mrn}

SW met with pt and her niece {NAME:niece.full} at bedside at the request of Dr. {NAME:md.last}. Pt is a \
79-year-old retired school cook ({LOCATION:school}, until 2015) who lives with her husband {NAME:hus.full} at \
{ADDRESS:addr}, {LOCATION:town}, {=town_st} {ZIP:town_zip}. He has advanced [[Alzheimer's]] dementia and cannot \
be left alone; pt has been his only caregiver and also needs help with [[blood]] glucose checks.
Supports: {LOCATION:church} ({=clergy} {NAME:pastor.full}, {PHONE:pph}); neighbor {NAME:nb.full} checks in daily. \
Son {NAME:son.full} lives in {LOCATION:far} and works nights.
Concerns: {NAME:niece.miss_full} reports unpaid utilities and a man called "{NAME:sus.first}" staying in the garage.
Actions: report made to {LOCATION:county} Adult Protective Services, #{ID:apsno}; intake worker {NAME:aps.full}. \
Respite referral to {LOCATION:adc}.
Plan: family meeting {DATE:fm.wd_md} at 14:00 with niece and son.
{NAME:sw.full}, LCSW    ext. {PHONE:ext}
"""


def t_medrec(d):
    pt = d.P("pt", "word")
    d.P("dau", sex="F", fam=pt)
    d.P("p1")
    d.P("p2", "epon")
    d.P("p3")
    d.P("v1")
    d.P("v2")
    d.C("hosp", HOSPITALS)
    d.C("pharm", PHARMACIES)
    d.ids("mrn", MRN_SHAPES)
    d.ids("npi1", "19########")
    d.ids("dea", "AA9######")
    d.D("adm", 0)
    d.D("f1", -d.r.randint(5, 25))
    d.D("f2", -d.r.randint(5, 40))
    d.D("f3", -d.r.randint(5, 25))
    d.D("stop", -d.r.randint(8, 20))
    d.D("done", 0)
    return """ADMISSION MEDICATION RECONCILIATION
Patient: {NAME:pt.LF}    MRN: {ID:mrn}    Admitted: {DATE:adm.iso}    {LOCATION:hosp}
Sources: patient; daughter {NAME:dau.full}; fill history from {LOCATION:pharm}

| Medication | Dose / frequency | Prescriber | Last fill | Verified |
| --- | --- | --- | --- | --- |
| levothyroxine ([[Hashimoto's]]) | 88 mcg daily | {NAME:p1.LFs} | {DATE:f1.mdy} | {NAME:v1.ini} |
| apixaban | 5 mg BID | {NAME:p2.LFs} | {DATE:f2.mdy} | {NAME:v1.ini} |
| carbidopa-levodopa ([[Parkinson's]]) | 25/100 TID | {NAME:p3.LFs} | {DATE:f3.mdy} | {NAME:v2.ini} |
| hydrocortisone ([[Addison's disease]]) | 15 mg AM, 5 mg PM | {NAME:p1.LFs} | -- | {NAME:v2.ini} |
| vitamin D3 | 2,000 units daily | OTC | -- | pt |

Prescriber NPI: {NAME:p1.last} {ID:npi1}. DEA on file for {NAME:p3.f_last}: {ID:dea}.
Discrepancy: patient stopped apixaban on {DATE:stop.abbr} after a nosebleed; Dr. {NAME:p2.last} was not told.
Initials key: {NAME:v1.ini} = {NAME:v1.full}, PharmD; {NAME:v2.ini} = {NAME:v2.full}, CPhT
Completed 13:10 by {NAME:v1.user}
"""


def t_handoff(d):
    p1 = d.P("p1", sex="F")
    d.P("p1d", "word", sex="F", fam=p1)
    d.P("p2", sex="M")
    d.P("p3", "word", sex="F")
    d.P("p4", sex="M")
    p4 = d.ctx["p4"]
    d.P("p4w", sex="F", fam=p4)
    d.P("p4md")
    d.P("chg", "wlast")
    d.P("res")
    d.P("sec")
    d.P("rt")
    d.P("sitter")
    d.P("off")
    d.P("on")
    d.P("flt")
    d.C("unit", UNITS)
    d.C("unit2", UNITS)
    d.D("d", 0)
    d.age("a1", 0.8)
    return """NURSING HANDOFF - {LOCATION:unit} - {DATE:d.wd_md} 19:00
Charge: {NAME:chg.last} (charge)    Resource RN: {NAME:res.full}    Unit secretary: {NAME:sec.first}

- {NAME:p1.LF} (Rm 701, {AGE?:a1} F): CHF, furosemide 40 mg IV at 21:00, strict I/O. Daughter {NAME:p1d.first} \
staying overnight.
- {NAME:p2.LF} (Rm 703, 67 M): [[Guillain-Barré syndrome]] day 4 of IVIG; NIF -30 at 16:00, recheck q4h. RT lead \
{NAME:rt.last} aware.
- {NAME:p3.LF} (Rm 705, 81 F): fall at home, GCS 15, neuro checks q2h. {NAME:p3.full} tolerated her diet and \
walked to the bathroom with one assist. Sitter {NAME:sitter.full} until 07:00.
- {NAME:p4.LF} (Rm 708, 58 M): DKA resolving, insulin drip off at 17:10, [[Kussmaul]] breathing gone. Wife \
{NAME:p4w.full} asking for an update from Dr. {NAME:p4md.last}.

Off-going: {NAME:off.full}, RN    On-coming: {NAME:on.full}, RN    Float: {NAME:flt.last} from {LOCATION:unit2}
"""


def t_sched(d):
    r = d.r
    org = r.choice(LANG_ORIGINS)
    d.S("lang", LANG[org][0])
    d.P("prov")
    d.P("xu")
    d.P("u1")
    d.P("u2")
    d.P("s1", "word")
    d.P("s2", sex="F")
    d.P("s3")
    d.P("s4", "any", origin=org)
    d.P("s2rel", sex="M", fam=d.ctx["s2"])
    d.C("clinic", ENDO)
    d.D("exp", 0)
    offs = sorted(r.sample(range(1, 21), 4))
    for i in range(1, 5):
        d.D("a%d" % i, offs[i - 1], workday=True)
        d.ids("m%d" % i, MRN_SHAPES)
        d.ph("ph%d" % i)
    d.ph("ph4b")
    d.D("c1", -r.randint(1, 3))
    d.D("c2", -r.randint(0, 1))
    return """SCHEDULING LOG - {LOCATION:clinic} - {NAME:prov.full}, MD
Exported {DATE:exp.iso} 17:32 by {NAME:xu.user}

| Appt date | Time | Patient | MRN | Phone | Booked by | Note |
| --- | --- | --- | --- | --- | --- | --- |
| {DATE:a1.mdy} | 08:30 | {NAME:s1.LFs} | {ID:m1} | {PHONE:ph1} | {NAME:u1.user} | f/u [[Graves' disease]] |
| {DATE:a2.mdy} | 09:10 | {NAME:s2.LFs} | {ID:m2} | {PHONE:ph2} | {NAME:u2.user} | new, [[Cushing's]] eval |
| {DATE:a3.mdy} | 10:40 | {NAME:s3.LFs} | {ID:m3} | {PHONE:ph3} | {NAME:u1.user} | thyroid US 2022 |
| {DATE:a4.mdy} | 13:20 | {NAME:s4.LFs} | {ID:m4} | {PHONE:ph4} | {NAME:u2.user} | {=lang} interpreter |

Call log:
{DATE:c1.md} 11:02 - {NAME:s2.first} called to confirm; spoke with husband {NAME:s2rel.full}. -{NAME:u2.ini}
{DATE:c2.md} 15:47 - left VM for {NAME:s4.full} at {PHONE:ph4b}. -{NAME:u1.ini}
"""


def t_homehealth(d):
    r = d.r
    d.P("pt", None, sex=r.choice("FM"))
    d.P("cg", sex="F")
    d.P("hosp_md")
    d.P("md")
    d.P("dp", "word", sex="F")
    d.C("hosp", HOSPITALS)
    d.C("agency", AGENCIES)
    d.town("town")
    d.addr("addr")
    d.ph("afax")
    d.ph("hph")
    d.ph("cgph")
    d.ph("mdph")
    d.ids("mbi", "9AA9-AA9-AA99")
    d.ids("sec", ["AAA#########", "W#########", "ZGP9########"])
    d.ids("npi", "19########")
    d.D("d", 0)
    d.D("f2f", -r.randint(1, 3))
    d.D("soc", r.randint(1, 3))
    d.age("age", 0.6, 71, 89)
    d.dob("dob", d.ctx["age"].n)
    return """HOME HEALTH REFERRAL / FACE-TO-FACE
Referring facility: {LOCATION:hosp}    Referral date: {DATE:d.mdy}
Agency: {LOCATION:agency}    Intake fax: {PHONE:afax}

Patient: {NAME:pt.LF}    DOB: {DATE:dob.mdy}    Age: {AGE?:age}
Address: {ADDRESS:addr}
City/State/ZIP: {LOCATION:town}, {=town_st} {ZIP:town_zip4}
Home phone: {PHONE:hph}
Medicare MBI: {ID:mbi}    Secondary: {ID:sec}
Caregiver: {NAME:cg.full} (granddaughter), cell {PHONE:cgph}

Diagnoses: [[Parkinson's disease]], stage 3 sacral pressure injury, chronic [[Foley catheter]] for retention.
Face-to-face encounter: {DATE:f2f.mdy} by {NAME:hosp_md.full}, MD. Homebound: needs walker and assist of one; \
leaves home only for dialysis.
Orders: SN 2w4 for wound care and catheter change every 30 days; PT/OT evaluation; [[Braden scale]] weekly.
Certifying physician: {NAME:md.full}, MD    NPI {ID:npi}    Office {PHONE:mdph}
Discharge planner: {NAME:dp.full}, RN    Start of care requested: {DATE:soc.wd_md}
"""


def t_release(d):
    r = d.r
    pt = d.P("pt", sex="F")
    d.P("rec")
    d.P("wit")
    d.C("hosp", HOSPITALS)
    d.C("rclinic", ONCO)
    d.town("town")
    d.town("rt")
    d.addr("addr")
    d.addr("raddr")
    d.ph("fax")
    d.ph("ph")
    d.ssn("ssn")
    d.email("email", pt)
    d.S("url", r.choice(["https://www.%s.org/medical-records", "www.%s.org/roi"]) % d.slug(d.ctx["hosp"]))
    d.ids("mrn", MRN_SHAPES)
    d.ids("req", ["ROI-9#####", "9######"])
    d.dob("dob", r.randint(22, 70))
    d.D("from", -r.randint(200, 500))
    d.D("to", -r.randint(3, 30))
    d.D("exp", 365)
    d.D("sd", 0)
    return """AUTHORIZATION TO USE OR DISCLOSE PROTECTED HEALTH INFORMATION
{LOCATION:hosp} - Health Information Management    Fax {PHONE:fax}    {URL:url}

Patient name: {NAME:pt.fml}    Former name: {NAME:pt.maiden}
Date of birth: {DATE:dob.mdy}    SSN: {SSN:ssn}    MRN: {ID:mrn}
Address: {ADDRESS:addr}, {LOCATION:town}, {=town_st} {ZIP:town_zip}
Phone: {PHONE:ph}    E-mail: {EMAIL:email}

I authorize {LOCATION:hosp} to release my records to:
{LOCATION:rclinic}, Attn: {NAME:rec.full}, {ADDRESS:raddr}, {LOCATION:rt}, {=rt_st} {ZIP:rt_zip}

Information to release (dates of service {DATE:from.mdy} through {DATE:to.mdy}):
[x] Pathology and PET-CT reports ([[Hodgkin lymphoma]])   [x] [[Bone marrow]] biopsy   [ ] HIV/STD results
Purpose: continuation of care. This authorization expires on {DATE:exp.long} unless revoked in writing.

Signature of patient: {NAME:pt.full}    Date: {DATE:sd.mdy_dash}
Witness: {NAME:wit.full} (HIM, user {NAME:wit.user})    Request #{ID:req}
"""


def t_worknote(d):
    r = d.r
    pt = d.P("pt", "word", sex=r.choice("FM"))
    d.P("hr")
    d.P("kid", None, sex="F", fam=pt)
    d.P("snurse", None, sex="F")
    d.P("ma")
    d.P("md")
    d.C("clinic", CLINICS)
    d.C("employer", EMPLOYERS)
    d.C("school", SCHOOLS)
    d.town("ct")
    d.addr("caddr")
    d.ph("cph")
    d.ph("ext", "ext")
    d.D("d", 0)
    d.D("seen", -1, workday=True)
    d.D("rtw", r.randint(3, 8))
    d.D("ex1", -2)
    d.D("ex2", -1)
    d.D("ex3", 1)
    d.dob("dob", r.randint(28, 50))
    return """{LOCATION:clinic}
{ADDRESS:caddr}  |  {LOCATION:ct}, {=ct_st} {ZIP:ct_zip}  |  {PHONE:cph}

{DATE:d.long}

To: {LOCATION:employer}, Human Resources (attn. {NAME:hr.full})
RE: {NAME:pt.full}    DOB: {DATE:dob.mdy}

{NAME:pt.full} was seen in our clinic on {DATE:seen.wd_long} for benign paroxysmal positional vertigo. \
[[Dix-Hallpike]] testing was positive on the right and an [[Epley maneuver]] was performed; [[Romberg]] was \
negative. {=pt.He} should not drive a forklift or work at heights until cleared, and may return to work on \
{DATE:rtw.wd_md} with those limits.

School excuse: {=pt.His} daughter {NAME:kid.full}, a student at {LOCATION:school}, was seen the same day for \
otitis media. Please excuse her absence {DATE:ex1.md} through {DATE:ex2.md}. She may return {DATE:ex3.mdyy} and \
will need amoxicillin at noon from the school nurse, Ms. {NAME:snurse.last}.

Questions: {NAME:ma.full}, medical assistant, {PHONE:cph} ext. {PHONE:ext}.

Sincerely,
{NAME:md.full}, DO
"""


def t_incident(d):
    r = d.r
    pt = d.P("pt", sex="M")
    d.P("cna")
    d.P("wife", sex="F", fam=pt)
    d.P("md")
    d.P("son", sex="M", fam=pt)
    d.P("rn")
    d.P("chg", "wlast")
    d.P("sec")
    d.P("rad")
    d.P("rep")
    d.P("mgr")
    d.C("hosp", HOSPITALS)
    d.C("unit", UNITS)
    d.ids("inc", ["IR-9#####", "9###-#####"])
    d.ids("mrn", MRN_SHAPES)
    d.ids("serial", ["SN9A##-#####", "9AA#####", "AA9A9####"])
    d.ids("badge", ["####", "B-####", "9#####"])
    d.ph("pager", "pager")
    d.ph("sonph")
    d.D("d", 0)
    d.D("sub", 0)
    d.D("rev", r.randint(2, 6))
    d.age("age", 0.7, 74, 89)
    return """SAFETY EVENT REPORT    Event #{ID:inc}
Date/time of event: {DATE:d.mdy} 03:40    Location: {LOCATION:unit}, room 712, {LOCATION:hosp}
Patient: {NAME:pt.LF}    Age: {AGE?:age}    MRN: {ID:mrn}
Event type: fall, unwitnessed. Harm: minor (skin tear, left forearm).
Note: wristband printed as "{NAME:pt.miss_LF}"; registration corrected.

Description: pt found sitting on the floor beside the bed by {NAME:cna.full}, CNA, on 03:40 rounds. Bed exit \
alarm (serial {ID:serial}) was off. Pt said he "wanted to find {NAME:wife.first}" (wife, died 2019). GCS 15, \
pain 2/10, no [[Battle sign]], no hip deformity. [[Morse Fall Scale]] 65 on admission.
Notified: Dr. {NAME:md.last} at 03:55 (pager {PHONE:pager}); son {NAME:son.full} at {PHONE:sonph} at 06:10.
Staff on duty: {NAME:rn.full}, RN (primary); {NAME:chg.last} (charge); security officer {NAME:sec.full}, \
badge {ID:badge}.
Follow-up: CT head negative per {NAME:rad.f_last}, MD. Low bed and floor mats in place.
Reported by: {NAME:rep.full} ({NAME:rep.user})    Submitted {DATE:sub.mdy} 07:15
Reviewed: {NAME:mgr.full}, nurse manager, {DATE:rev.dmy_long}
"""


def t_ems(d):
    r = d.r
    d.P("pt", sex="M")
    d.P("ofc", "wlast")
    d.P("pass")
    d.P("edrn")
    d.P("edmd")
    pt = d.ctx["pt"]
    d.P("wife", sex="F", fam=pt)
    d.P("c1")
    d.P("c2")
    d.C("hosp", HOSPITALS)
    d.C("hosp2", HOSPITALS)
    d.town("town")
    d.C("ems", [d.ctx["town"] + " Fire Rescue", "Tri-County Ambulance District", r.choice(COUNTIES) + " EMS"])
    d.S("pd", d.ctx["town"] + r.choice([" Police Department", " PD"]))
    d.S("unitno", str(r.randint(2, 61)))
    d.addr("addr")
    d.ids("inc", ["9###-#####", "EMS9######"])
    d.ids("dl", ["A###-####-####", "A#######", "###-AA-####"])
    d.ids("badge", ["####", "9###"])
    d.ids("prep", ["9#-######", "AA9#-#####"])
    d.plate("plate")
    d.vin("vin")
    d.ph("wph")
    d.D("d", 0)
    return """EMS PATIENT CARE REPORT - HANDOFF SUMMARY
Agency: {LOCATION:ems}    Unit: Medic {=unitno}    Incident #: {ID:inc}    Date: {DATE:d.mdy}
Dispatched 22:14 to {ADDRESS:addr}, {LOCATION:town} for a motor vehicle collision; on scene 22:21.

Patient: {NAME:pt.full}, identified by driver's license {ID:dl}; approx. 35 yo M.
Vehicle: 2016 Toyota Camry, plate {VEHICLE:plate}, VIN {VEHICLE:vin}; driver's side intrusion ~30 cm.
Assessment: restrained driver, airbag deployed. GCS 13 (E3V4M6) on the [[Glasgow Coma Scale]]. BP 98/60, \
HR 124, RR 24, SpO2 93%. [[Blood]] glucose 142. Seat-belt abrasion; LUQ tenderness with left shoulder pain \
([[Kehr's sign]]).
Interventions: c-collar, two large-bore IVs, 1 L NS, fentanyl 50 mcg IV at 22:30.
Police: Officer {NAME:ofc.full}, {LOCATION:pd}, badge {ID:badge}; report #{ID:prep}. Passenger \
{NAME:pass.full} transported by Medic 9 to {LOCATION:hosp2}.
Handoff 22:51 at {LOCATION:hosp} to {NAME:edrn.full}, RN, and Dr. {NAME:edmd.last}. Wife {NAME:wife.full} \
en route, {PHONE:wph}.
Crew: {NAME:c1.full}, Paramedic (lead); {NAME:c2.full}, EMT-B    Report by {NAME:c1.user}
"""


def t_interp(d):
    r = d.r
    org = r.choice(LANG_ORIGINS)
    d.S("lang", LANG[org][0])
    d.C("country", LANG[org][1])
    pt = d.P("pt", "any", sex="F", origin=org)
    d.P("interp", "any", origin=org)
    d.P("interp2", "any", origin=org)
    if org in ("viet", "korean", "chinese", "hmong", "hisp"):
        d.P("hus", "any", sex="M", fam=pt)
    else:
        d.P("hus", "any", sex="M", origin=org)
    d.P("sil", "any", sex="F", origin=org)
    d.P("md")
    d.P("rn")
    d.P("chg")
    d.P("sched")
    d.C("clinic", WOMENS)
    d.town("t1")
    d.town("t2")
    d.ids("iid", ["INT-####", "9####"])
    d.ids("mrn", MRN_SHAPES)
    d.D("d", 0)
    d.D("next", r.randint(5, 14), workday=True)
    return """INTERPRETER SERVICES ENCOUNTER NOTE
Date: {DATE:d.mdy}    Start 14:05    End 14:50    Language: {=lang}    Mode: in person
Interpreter: {NAME:interp.full}, CHI (ID {ID:iid})
Patient: {NAME:pt.full}    MRN {ID:mrn}    Clinic: {LOCATION:clinic}
Provider: {NAME:md.full}, MD    Nurse: {NAME:rn.full}, RN

Present: patient; husband {NAME:hus.full}; sister-in-law {NAME:sil.first}, who offered to interpret and was \
thanked and declined per policy. Pt came to the US from {LOCATION:country} in 2019 and lived first in \
{LOCATION:t1} before moving to {LOCATION:t2}.
Content: first-trimester screen low risk for [[Down syndrome]]; urine culture and [[Gram stain]] results \
explained; glucose tolerance test scheduled. Teach-back completed; pt repeated instructions correctly.
Husband asked that female staff perform exams; request noted for Dr. {NAME:md.last} and charge nurse \
{NAME:chg.last}.
Next session: {DATE:next.wd_md} at 09:30 with {NAME:interp2.full} ({NAME:interp.first} is off that day).
Scheduled by {NAME:sched.user}
"""


def t_pharmacy(d):
    r = d.r
    pt = d.P("pt", sex=r.choice("FM"))
    d.P("pres")
    d.P("endo")
    d.P("sp", None, fam=pt, sex="F" if pt.sex == "M" else "M")
    d.P("rph")
    d.P("rph2", "epon")
    d.P("tech")
    d.S("spouse", "wife" if pt.sex == "M" else "husband")
    d.C("pharm", PHARMACIES)
    d.ph("pph")
    d.ph("fax")
    d.ids("rx", ["9######", "RX9#######"])
    d.ids("npi", "19########")
    d.ids("dea", "AA9######")
    d.D("d", 0)
    d.D("inr", -1)
    d.D("meth", -r.randint(14, 40))
    d.D("rechk", r.randint(4, 7))
    d.D("faxd", 0)
    d.dob("dob", r.randint(55, 84))
    return """PHARMACY ANTICOAGULATION NOTE
{LOCATION:pharm}    Phone {PHONE:pph}    {DATE:d.wd_full}
Patient: {NAME:pt.LF}    DOB: {DATE:dob.mdy}    Rx #{ID:rx}
Prescriber: {NAME:pres.full}, MD    NPI {ID:npi}    DEA {ID:dea}

INR 3.6 on {DATE:inr.md} (goal 2.0-3.0) on warfarin 5 mg daily except 2.5 mg Mon/Fri; indication atrial \
fibrillation, CHA2DS2-VASc 4. New since last check: methimazole for [[Graves' disease]], started {DATE:meth.abbr} \
by {NAME:endo.full}, NP. No bleeding; small bruise on the right [[hand]].
Spoke with the patient and {=pt.his} {=spouse} {NAME:sp.full} by phone at 10:20.
Plan: hold one dose, then 2.5 mg daily x3; recheck INR {DATE:rechk.wd_md}. Faxed to Dr. {NAME:pres.last} at \
{PHONE:fax} on {DATE:faxd.mdy} at 14:05.
Pharmacist: {NAME:rph.full}, PharmD. Second check: pharmacist {NAME:rph2.f_last}. Entered per {NAME:tech.ini}.
"""


def t_death(d):
    r = d.r
    pt = d.P("pt", sex=r.choice("FM"))
    d.P("rn")
    d.P("dau", None, sex="F", fam=pt)
    d.P("son", sex="M", fam=pt)
    d.P("chap", "wlast")
    d.P("inv")
    d.P("att")
    d.P("pcp")
    d.P("res")
    d.C("hosp", HOSPITALS)
    d.C("unit", UNITS)
    d.C("county", COUNTIES)
    d.C("opo", OPOS)
    d.C("fh", FUNERAL)
    d.ids("mrn", MRN_SHAPES)
    d.ids("me", ["ME-##-####", "##-#####"])
    d.ids("opo_ref", ["AA9#####", "9######"])
    d.ph("sonph")
    d.ph("fhph")
    d.D("d", 0)
    d.D("dc", 2)
    d.age("age", 0.75, 68, 89)
    return """DEATH PRONOUNCEMENT NOTE
{LOCATION:hosp}, {LOCATION:unit}    {DATE:d.mdy}
Patient: {NAME:pt.LF}    MRN {ID:mrn}    Age {AGE?:age}

Called to the bedside by {NAME:rn.full}, RN at 04:12 for absent respirations. Patient was DNR, comfort care, for \
relapsed [[Hodgkin lymphoma]] and end-stage [[Alzheimer's]] disease. Exam: no response to voice or touch, pupils \
fixed and dilated, no [[heart]] sounds for one minute, no breath sounds. Time of death 04:19.
Family: daughter {NAME:dau.full} at bedside; son {NAME:son.full} notified by phone ({PHONE:sonph}) at 04:40. \
Chaplain {NAME:chap.full} with the family.
Medical examiner: {LOCATION:county} ME notified, case {ID:me}; jurisdiction declined by investigator \
{NAME:inv.full}.
Donor services: {LOCATION:opo} notified, referral #{ID:opo_ref}; tissue only.
Funeral home per family: {LOCATION:fh} ({PHONE:fhph}).
Attending Dr. {NAME:att.last} and PCP {NAME:pcp.full}, MD notified. Death certificate due {DATE:dc.wd_md}.
{NAME:res.full}, MD, PGY-2    04:52
"""


def t_audit(d):
    d.P("pt")
    d.P("priv")
    d.P("u1")
    d.P("u2", sex="F")
    d.P("u3")
    d.P("mgr")
    d.C("hosp", HOSPITALS)
    d.C("site", ["Liberty Plaza", "Harmony Commons", "Eastgate Tower", "the Riverside Annex", "Kellogg Building"])
    d.ids("case", ["PRV-9#####", "9###-###"])
    d.ids("mrn", MRN_SHAPES)
    d.ip("ip1")
    d.ip("ip2")
    d.ip("ip3")
    d.ph("ext", "ext")
    d.email("pemail", d.ctx["priv"], "privacy.%s.org" % d.slug(d.ctx["hosp"])[:12])
    d.D("open", 0)
    d.D("enc", -d.r.randint(10, 20))
    d.D("a1", -d.r.randint(8, 9))
    d.D("a2", -d.r.randint(5, 7))
    d.D("a3", -d.r.randint(2, 4))
    d.D("int", d.r.randint(2, 6))
    return """PRIVACY OFFICE - EHR ACCESS AUDIT
Case {ID:case}    Opened {DATE:open.mdy}    Investigator: {NAME:priv.full}, CHPC, {LOCATION:hosp}
Patient: {NAME:pt.LF} (MRN {ID:mrn}); visit {DATE:enc.mdy}, GI clinic, [[Crohn's disease]] follow-up

| Time stamp | User ID | Name | Workstation IP | Activity |
| --- | --- | --- | --- | --- |
| {DATE:a1.iso} 08:14 | {NAME:u1.user} | {NAME:u1.LFs} | {IP:ip1} | chart open; [[Gram stain]] result |
| {DATE:a2.iso} 22:41 | {NAME:u2.user} | {NAME:u2.LFs} | {IP:ip2} | chart open; demographics |
| {DATE:a3.iso} 06:05 | {NAME:u3.user} | {NAME:u3.LFs} | {IP:ip3} | problem list; [[Marsh score]] |

Findings: {NAME:u1.full} (GI nurse) and {NAME:u3.full} (pathology) had a treatment or work relationship. \
{NAME:u2.full} is the patient's sister-in-law and works in Patient Financial Services at {LOCATION:site}; no \
business need was documented for the 22:41 access.
Next step: interview with {NAME:u2.first} and her manager {NAME:mgr.full} on {DATE:int.wd_md}.
Contact: ext. {PHONE:ext}, {EMAIL:pemail}
"""


def t_transfer(d):
    r = d.r
    d.P("pt", sex=r.choice("FM"))
    d.P("hca", "word", sex="M")
    d.P("md")
    d.P("rn", None, sex="F")
    d.P("edrn")
    d.P("ff")
    d.C("snf", SNFS)
    d.C("hosp", HOSPITALS)
    d.C("amb", AMBULANCE)
    d.town("st")
    d.addr("saddr")
    d.ph("sph")
    d.ph("hcaph")
    d.D("d", 0)
    d.D("polst", -r.randint(60, 500))
    d.D("foley", -r.randint(5, 25))
    d.age("age", 1.0)
    d.dob("dob", d.ctx["age"].n)
    return """INTER-FACILITY TRANSFER FORM    {DATE:d.mdy}
Sending facility: {LOCATION:snf}
{ADDRESS:saddr}, {LOCATION:st}, {=st_st} {ZIP:st_zip}    Nurses' station {PHONE:sph}
Receiving: {LOCATION:hosp} Emergency Department

Resident: {NAME:pt.LF}    Age: {AGE?:age}    DOB: {DATE:dob.dmy}    Room 14B
Code status: DNR/DNI; POLST dated {DATE:polst.mon_y} sent with chart.
Health care agent: {NAME:hca.nick_full} (nephew)    {PHONE:hcaph}
Attending: {NAME:md.full}, MD    Facility nurse: {NAME:rn.full}, LPN

Diagnoses: [[Alzheimer's]] dementia, [[Parkinson's disease]], chronic [[Foley catheter]] (last changed \
{DATE:foley.md}), CKD stage 3b.
Reason for transfer: T 38.9, HR 112, BP 96/58, new confusion, cloudy urine. Acetaminophen 650 mg at 13:40.
Baseline: walks 20 ft with walker, feeds self, hard of hearing on the left.
Allergies: sulfa (rash). Sent with: MAR, face sheet, POLST, hearing aid.
Transport: {LOCATION:amb}, unit 27, departed 14:20.
Report called to {NAME:edrn.first} ({LOCATION:hosp} ED) at 14:25 by {NAME:rn.first}; bed hold discussed with \
{NAME:hca.first}. Family friend {NAME:ff.full} notified.
"""


def t_pt(d):
    r = d.r
    pt = d.P("pt", "word", sex=r.choice("FM"))
    d.P("ref")
    d.P("coach", None, sex="M")
    d.P("at")
    d.P("mom", sex="F", fam=pt)
    d.P("ptt")
    d.P("spt")
    d.C("clinic", PT_CLINICS)
    d.C("ortho", ORTHO)
    d.C("school", HIGH_SCHOOLS)
    d.C("imaging", IMAGING)
    d.town("town")
    d.ids("mrn", MRN_SHAPES)
    d.ids("ins", ["AAA#########", "W#########", "9##-##-####A"])
    d.D("d", 0)
    d.D("inj", -r.randint(6, 14))
    d.D("mri", r.randint(2, 6), workday=True)
    d.dob("dob", 17)
    return """OUTPATIENT PHYSICAL THERAPY INITIAL EVALUATION
{LOCATION:clinic}    Date: {DATE:d.mdy}    Visit 1 of 12
Patient: {NAME:pt.full}    MRN: {ID:mrn}    DOB: {DATE:dob.mdy}
Referring provider: {NAME:ref.full}, MD ({LOCATION:ortho})    Member ID: {ID:ins}

Subjective: {NAME:pt.first} is a 17-year-old point guard at {LOCATION:school} who twisted the right knee in a \
game on {DATE:inj.mon_d}. Coach {NAME:coach.full} and athletic trainer {NAME:at.full}, ATC, saw the injury. \
Lives with mother {NAME:mom.full} in {LOCATION:town}.
Objective: [[Lachman test]] 2+ with soft end point; [[McMurray test]] negative; effusion 2+ on sweep test. \
Knee flexion 0-95 degrees, quad lag 10 degrees. Pain 5/10 on stairs. Single-leg hop deferred.
Assessment: probable ACL tear; MRI at {LOCATION:imaging} on {DATE:mri.wd_md}.
Plan: 2x/week for 6 weeks: quad sets, SLR, NMES; home program issued. {NAME:pt.first} and {=pt.his} mother agree.

{NAME:ptt.full}, PT, DPT    Student: {NAME:spt.full}, SPT    cc: Dr. {NAME:ref.last}
"""


def t_delivery(d):
    r = d.r
    d.P("mom", sex="F")
    d.P("fob", None, sex="M")
    d.P("doula", None, sex="F")
    d.P("gm", "word", sex="F")
    d.P("ob")
    d.P("res")
    d.P("rn1")
    d.P("rn2")
    d.P("ped")
    d.C("hosp", HOSPITALS)
    d.C("unit", UNITS)
    d.C("pclinic", PEDS)
    d.ids("mrn", MRN_SHAPES)
    d.ids("imrn", MRN_SHAPES)
    d.D("d", 0)
    d.D("nb", r.randint(2, 4))
    return """VAGINAL DELIVERY NOTE
{LOCATION:hosp}, Labor & Delivery ({LOCATION:unit})    {DATE:d.long}
Mother: {NAME:mom.LF}    MRN: {ID:mrn}    G2P1 at 39w2d    Age 31
Induction for gestational hypertension; [[Bishop score]] 4 on admission, misoprostol x2, then oxytocin.

Delivery: spontaneous vaginal delivery of a liveborn female at 03:27 over an intact perineum. Nuchal cord x1, \
reduced. Infant: Baby Girl {NAME:mom.last}, MRN {ID:imrn}, 3,420 g. [[Apgar]] scores 8 and 9.
Placenta delivered intact at 03:38; EBL 350 mL. Cord [[blood]] gases sent.
Prenatal: cell-free DNA low risk for [[Down syndrome]]; GBS negative.
Present: father of baby {NAME:fob.full}; doula {NAME:doula.full}; {NAME:mom.first}'s mother {NAME:gm.first}.

Delivering provider: {NAME:ob.full}, MD    Resident: {NAME:res.full}, MD
Nurses: {NAME:rn1.full}, RN; {NAME:rn2.full}, RN (baby)
Pediatrician of record: Dr. {NAME:ped.last}, {LOCATION:pclinic}; newborn visit {DATE:nb.wd_md}.
"""


def t_tumorboard(d):
    r = d.r
    pt = d.P("pt")
    d.P("fel")
    d.P("path")
    d.P("rad")
    d.P("radonc")
    d.P("rei")
    d.P("nav", None, sex="F")
    d.P("mom", sex="F", fam=pt)
    d.P("a1")
    d.P("a2")
    d.P("scribe")
    d.C("hosp", HOSPITALS)
    d.C("univ", UNIVERSITIES)
    d.C("fert", FERTILITY)
    d.ids("mrn", MRN_SHAPES)
    d.ids("acc", ["S##-#####", "SP##-####", "H##-######"])
    d.ph("ph")
    d.D("d", 0, workday=True)
    d.D("bx", -r.randint(7, 14))
    d.D("pet", -r.randint(2, 6))
    d.D("next", 7, workday=True)
    return """MULTIDISCIPLINARY LYMPHOMA TUMOR BOARD
{DATE:d.wd_long}, 07:00    {LOCATION:hosp} Cancer Center
Case 2 of 6: {NAME:pt.LF}    MRN {ID:mrn}    presented by {NAME:fel.full}, MD (heme/onc fellow)

History: 24-year-old graduate student at {LOCATION:univ} with 3 months of night sweats and a left \
supraclavicular node.
Pathology ({NAME:path.full}, MD): excisional biopsy {ID:acc} on {DATE:bx.mdy}: classical [[Hodgkin lymphoma]], \
nodular sclerosis; [[Reed-Sternberg cells]] CD15+/CD30+. [[Bone marrow]] biopsy negative.
Imaging ({NAME:rad.full}, MD): PET-CT {DATE:pet.abbr_y}: stage IIA, bulky mediastinal mass 10.5 cm.
Recommendation: ABVD for 4 to 6 cycles with interim PET; consider ISRT per {NAME:radonc.full}, MD. Fertility \
preservation with {NAME:rei.full}, MD at {LOCATION:fert} before cycle 1.
Nurse navigator {NAME:nav.full}, RN to call the patient at {PHONE:ph} and, with permission, mother \
{NAME:mom.full}.
Attendees: {NAME:a1.f_last}; {NAME:a2.f_last}; {NAME:fel.ini}; {NAME:nav.ini}
Minutes recorded by {NAME:scribe.user}; next board {DATE:next.wd_md}.
"""


TEMPLATES = [t_discharge, t_progress, t_ed, t_neuro, t_operative, t_referral, t_phone, t_portal, t_socialwork,
             t_medrec, t_handoff, t_sched, t_homehealth, t_release, t_worknote, t_incident, t_ems, t_interp,
             t_pharmacy, t_death, t_audit, t_transfer, t_pt, t_delivery, t_tumorboard]

# ---------------------------------------------------------------------------------------------------------------
# Generation and checks
# ---------------------------------------------------------------------------------------------------------------

MIN_LEN, MAX_LEN = 600, 1800
WORDISH = {w.lower() for w in WORD_FIRST["F"] + WORD_FIRST["M"] + WORD_LAST + EPON_LAST}
MIN_PHI, MAX_PHI = 15, 35
MIN_MED, MAX_MED = 2, 5


def doc_ok(text, phi, med):
    return (MIN_LEN <= len(text) <= MAX_LEN and MIN_PHI <= len(phi) <= MAX_PHI and MIN_MED <= len(med) <= MAX_MED)


def make_doc(master, tmpl):
    """Fill one template; redraw (deterministically) when a draw falls outside the length or count limits."""
    for _ in range(30):
        r = random.Random(master.randrange(2 ** 32))
        d = Doc(r)
        text, phi, med = render(tmpl(d), d.ctx)
        if doc_ok(text, phi, med):
            return text, phi, med, d
        for p in d.persons:
            GLOBAL_NAMES.discard((p.first, p.last))
    raise AssertionError("template %s does not fit the limits" % tmpl.__name__)


def check_doc(doc):
    text = doc["text"]
    assert "{" not in text and "}" not in text and "[[" not in text and "]]" not in text, doc["id"]
    assert doc_ok(text, doc["phi"], doc["medical"]), doc["id"]
    prev = 0
    for s in doc["phi"]:
        assert s["type"] in PHI_TYPES
        assert prev <= s["start"] < s["end"] <= len(text), (doc["id"], s)
        assert text[s["start"]:s["end"]] == text[s["start"]:s["end"]].strip(), (doc["id"], s)
        prev = s["end"]
    prev = 0
    for s in doc["medical"]:
        assert prev <= s["start"] < s["end"] <= len(text), (doc["id"], s)
        assert text[s["start"]:s["end"]] == s["text"], (doc["id"], s)
        for p in doc["phi"]:
            assert s["end"] <= p["start"] or p["end"] <= s["start"], (doc["id"], s, p)
        prev = s["end"]


def main():
    master = random.Random(SEED)
    order_b = list(range(len(TEMPLATES)))
    master.shuffle(order_b)
    halves = {"a": [], "b": []}
    word_names = {"a": [0, 0], "b": [0, 0]}
    people = {"a": [0, 0], "b": [0, 0]}
    n = 0
    for half, order in (("a", list(range(len(TEMPLATES)))), ("b", order_b)):
        del ORIGIN_DECK[:]
        for ti in order:
            n += 1
            text, phi, med, d = make_doc(master, TEMPLATES[ti])
            people[half][0] += sum(1 for p in d.persons if p.word)
            people[half][1] += len(d.persons)
            for s in phi:
                if s["type"] == "NAME":
                    word_names[half][1] += 1
                    v = s["_v"]
                    if any(w.lower() in WORDISH for w in re.findall(r"[A-Za-z]+", v)):
                        word_names[half][0] += 1
                for_check = text[s["start"]:s["end"]]
                assert for_check == s.pop("_v"), (n, s)
            halves[half].append({"id": "r29-t%02d" % n, "note_type": "typed", "patient_id": "DEV-R29-%02d" % n,
                                 "text": text, "phi": phi, "medical": med, "_tmpl": TEMPLATES[ti].__name__})
    assert len(halves["a"]) == 25 and len(halves["b"]) == 25
    ids = [doc["id"] for h in "ab" for doc in halves[h]]
    assert len(set(ids)) == len(ids) == 50
    assert len({doc["patient_id"] for h in "ab" for doc in halves[h]}) == 50
    all_types = Counter()
    for h, path in (("a", OUT_A), ("b", OUT_B)):
        counts = Counter()
        nmed = 0
        for doc in halves[h]:
            check_doc(doc)
            counts.update(s["type"] for s in doc["phi"])
            nmed += len(doc["medical"])
        all_types.update(counts)
        missing = [t for t in PHI_TYPES if not counts[t]]
        assert not missing, (h, missing)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for doc in halves[h]:
                doc = {k: v for k, v in doc.items() if k != "_tmpl"}
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        total = sum(counts.values())
        lens = [len(doc["text"]) for doc in halves[h]]
        per = [len(doc["phi"]) for doc in halves[h]]
        print("%s: %d documents, %d identifiers, %d medical terms; length %d-%d chars; %d-%d identifiers/doc"
              % (os.path.relpath(path, ROOT), len(halves[h]), total, nmed, min(lens), max(lens), min(per),
                 max(per)))
        print("  " + ", ".join("%s %d" % (t, c) for t, c in sorted(counts.items(), key=lambda x: (-x[1], x[0]))))
        wn, tn = word_names[h]
        print("  NAME share %.1f %%; NAME spans holding a word-like name: %d of %d (%.1f %%)"
              % (100.0 * counts["NAME"] / total, wn, tn, 100.0 * wn / tn))
        print("  persons named: %d, of whom %d (%.1f %%) have a given name or surname that is a word"
              % (people[h][1], people[h][0], 100.0 * people[h][0] / people[h][1]))
    assert all(all_types[t] for t in PHI_TYPES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
