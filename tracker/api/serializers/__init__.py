"""Input parsing and output shapes of the API, one module per resource (the views of
`tracker.api.<resource>` read `tracker.api.serializers.<resource>`); `fields` holds the fields
and limits they share. Inputs are plain serializers (no model validators that query with
unchecked input); writes go through services, which call `full_clean()`.

The names below are re-exported so that the old single-module path keeps working while other
branches still import it; new code imports from the resource modules.
"""

from tracker.api.serializers.changes import (  # noqa: F401  re-export
    MAX_CHANGES_DAYS,
    ChangeSerializer,
    ChangesQuery,
    ChangesSerializer,
)
from tracker.api.serializers.claims import (  # noqa: F401  re-export
    BASIS_HELP,
    CLAIM_CSV_COLUMNS,
    PRIVATE_FIELDS,
    ClaimCreateSerializer,
    ClaimPatchSerializer,
    ClaimSerializer,
)
from tracker.api.serializers.districts import (  # noqa: F401  re-export
    COORDINATE_DECIMALS,
    MAX_SIMPLIFY_DEGREES,
    DistrictFeatureSerializer,
    DistrictsQuery,
    SimplifiedGeometryField,
)
from tracker.api.serializers.fields import (  # noqa: F401  re-export
    ANALYST_NOTE_HELP,
    FIRST_DAY,
    LAST_DAY,
    NOTE_HELP,
    NOTE_MAX,
    QUOTE_MAX,
    SLUG_RE,
    DayField,
    IdRef,
    LensField,
    SlugRef,
    Text,
    Url,
)
from tracker.api.serializers.history import (  # noqa: F401  re-export
    DistrictHistorySerializer,
    HistoryClaimSerializer,
    HistoryPeriodSerializer,
    HistorySourceSerializer,
)
from tracker.api.serializers.sources import (  # noqa: F401  re-export
    ActorSerializer,
    DocumentSerializer,
    SourceSerializer,
)
from tracker.api.serializers.stats import (  # noqa: F401  re-export
    MAX_AREA_STEPS,
    MAX_STEP_DAYS,
    AreaPointSerializer,
    AreaQuery,
    AreaSerializer,
)
from tracker.api.serializers.timeline import (  # noqa: F401  re-export
    STATUS_CHOICES,
    TIMELINE_ENCODING,
    ControlDistrictSerializer,
    ControlQuery,
    ControlSerializer,
    LensQuery,
    TimelineSerializer,
)
